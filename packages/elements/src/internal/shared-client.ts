import { createApiClient, type CachingApiClient } from './api-client.js';

const clients = new Map<string, CachingApiClient>();

/**
 * One API client per `api` + `key` for elements used outside a `<chain-store>`, so ten
 * standalone elements talking to the same server share one cache and one set of in-flight
 * requests. `undefined` unless both are non-empty — or, with `requireKey` false (an element that
 * only reads an order with the order's own access token), unless `api` is non-empty.
 */
export function sharedClient(
  api: string | null | undefined,
  key: string | null | undefined,
  requireKey = true,
): CachingApiClient | undefined {
  const base = api?.trim();
  const pk = key?.trim() ?? '';
  if (!base || (requireKey && !pk)) return undefined;
  const id = `${base}\n${pk}`;
  let client = clients.get(id);
  if (!client) {
    client = createApiClient({ api: base, key: pk });
    clients.set(id, client);
  }
  return client;
}
