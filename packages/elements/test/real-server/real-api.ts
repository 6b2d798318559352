/**
 * The browser side of the real order server that `real-api.mjs` serves under `/real-api` in the
 * Web Test Runner (the demo store, examples/data/store.json, over in-memory PGlite).
 */

/** Base URL of the real API; give it to `<chain-store api>`. */
export const REAL_API = '/real-api';
/** The publishable key the proxy puts in the store (keep equal to REAL_API_KEY in real-api.mjs). */
export const REAL_API_KEY = 'pk_test_wtr_real';

interface DemoFactory {
  readonly id: string;
  readonly name: string;
  readonly apiKey: string;
}

/** The demo store file as the test server serves it (factories' keys included). */
export async function demoStore(): Promise<{ factories: DemoFactory[] }> {
  const response = await fetch('/examples/data/store.json');
  return (await response.json()) as { factories: DemoFactory[] };
}

/**
 * Calls the real API as a server would (no Origin header): for factory (`fk_…`) and secret keys,
 * which the server rightly refuses from a browser.
 */
export async function serverSide(path: string, key: string, body?: unknown): Promise<Response> {
  return fetch(`${REAL_API}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: `Bearer ${key}`,
      'X-Chainkit-Test-Server-Side': '1',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
