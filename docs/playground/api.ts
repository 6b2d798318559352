/**
 * The playground's API: the order server's own app (`@chainkit/server/browser`) over PGlite in
 * this page, reached through msw's service worker. The worker sends every request of this page
 * and of the preview frame (a same-origin frame it controls) to the page that started it; the
 * handler passes the ones under {@link API_PATH} to the app, unchanged but for the path prefix,
 * so the preview sees exactly the responses a real server gives.
 */
import { createInBrowserServer, type InBrowserServer } from '@chainkit/server/browser';
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { API_PATH } from './api-path.js';
import { playgroundMigrations, playgroundStore } from './playground-data.js';

async function forward(server: InBrowserServer, request: Request): Promise<Response> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(API_PATH.length) || '/';
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return server.fetch(
    new Request(url, {
      method: request.method,
      headers: request.headers,
      ...(hasBody ? { body: await request.arrayBuffer() } : {}),
    }),
  );
}

/**
 * Boots PGlite (in memory: a fresh demo store per visit, alive while this page is open, across
 * re-renders of the preview), applies the migrations, imports the catalog and starts the
 * worker. Resolves once requests from a newly loaded preview frame will be answered.
 */
export async function startPlaygroundApi(): Promise<InBrowserServer> {
  const server = await createInBrowserServer({
    store: playgroundStore(),
    migrations: playgroundMigrations(),
  });
  const base = import.meta.env.BASE_URL;
  const worker = setupWorker(
    http.all(`${location.origin}${API_PATH}/*`, ({ request }) => forward(server, request)),
  );
  await worker.start({
    serviceWorker: { url: `${base}mockServiceWorker.js`, options: { scope: base } },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return server;
}
