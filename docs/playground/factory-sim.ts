/**
 * Plays the factories for the playground (no factory receives webhooks here): through the same
 * app and the factory API (`/v1/factory/orders…`) with each factory's own key from the demo
 * store, every placed sub-order is accepted and every accepted one shipped with a made-up
 * tracking number, so `<chain-order-status>` has something to follow.
 */
import type { InBrowserServer } from '@chainkit/server/browser';

const CARRIER = 'SF Express';

export interface FactoryStep {
  readonly accepted: number;
  readonly shipped: number;
}

async function call(server: InBrowserServer, key: string, path: string, body?: unknown): Promise<unknown> {
  const response = await server.fetch(
    new Request(`https://playground.invalid/v1/factory${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  if (!response.ok) throw new Error(`factory API ${path} answered ${response.status}`);
  return response.json();
}

async function ids(server: InBrowserServer, key: string, status: 'placed' | 'accepted'): Promise<string[]> {
  const page = (await call(server, key, `/orders?status=${status}&limit=100`)) as { data: { id: string }[] };
  return page.data.map((order) => order.id);
}

/** Moves every factory's sub-orders one step on: placed → accepted, accepted → shipped. */
export async function advanceFactoryOrders(server: InBrowserServer): Promise<FactoryStep> {
  let accepted = 0;
  let shipped = 0;
  for (const factory of server.store.factories) {
    const toShip = await ids(server, factory.apiKey, 'accepted');
    const toAccept = await ids(server, factory.apiKey, 'placed');
    for (const id of toShip) {
      const trackingNumber = `SF${String(Date.now()).slice(-8)}${shipped}`;
      await call(server, factory.apiKey, `/orders/${id}/ship`, { carrier: CARRIER, trackingNumber });
      shipped += 1;
    }
    for (const id of toAccept) {
      await call(server, factory.apiKey, `/orders/${id}/accept`, {});
      accepted += 1;
    }
  }
  return { accepted, shipped };
}
