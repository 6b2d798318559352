/**
 * examples/factory-receiver against the real order server (startServer on a memory database,
 * the demo store, its webhook dispatcher pointed at the receiver):
 *
 * - an order placed through the API reaches the factory as a signed webhook; the receiver
 *   accepts and ships it through the factory API, and the order reads as shipped;
 * - a message with a bad signature is refused (401) and nothing happens;
 * - the same webhook id delivered twice is processed once.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webhookHeaders, type OrderResponse } from '@chainkit/core';
import { loadStoreFile } from '@chainkit/server';
import { startServer, type RunningServer } from '@chainkit/server/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../packages/server/src/logger.js';
import {
  configFromStoreFile,
  silentLogger,
  startReceiver,
  trackingNumberFor,
  type ReceiverJob,
  type RunningReceiver,
} from '../examples/factory-receiver/receiver.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const storeFile = join(root, 'examples/data/store.json');

interface StoreFactory {
  readonly id: string;
  readonly apiKey: string;
  readonly webhookSecret: string;
}

const store = JSON.parse(readFileSync(storeFile, 'utf8')) as {
  factories: StoreFactory[];
  offers: { id: string; skus: { id: string }[]; sourcing: { factoryId: string }[] }[];
};

let server: RunningServer;
let receiver: RunningReceiver;

/** Sends `body` to the receiver as `destination`'s webhook, signed with `secret`. */
async function deliver(destination: string, secret: string, body: string, id = `msg_${randomUUID()}`) {
  const headers = await webhookHeaders(secret, id, Math.floor(Date.now() / 1000), body);
  return fetch(`${receiver.url}/hooks/${destination}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body,
  });
}

/** Waits until `predicate` holds for the receiver's jobs (checked on every change). */
function waitForJobs(
  predicate: (jobs: Record<string, ReceiverJob>) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  return new Promise((done, fail) => {
    if (predicate(receiver.jobs())) return done();
    const timer = setTimeout(() => {
      stop();
      fail(new Error(`timed out; jobs: ${JSON.stringify(receiver.jobs())}`));
    }, timeoutMs);
    const stop = receiver.onChange(() => {
      if (!predicate(receiver.jobs())) return;
      clearTimeout(timer);
      stop();
      done();
    });
  });
}

async function placeOrder(offerId: string, quantity: number): Promise<OrderResponse> {
  const offer = store.offers.find((o) => o.id === offerId);
  if (!offer) throw new Error(`no offer ${offerId}`);
  const lines = [{ skuId: offer.skus[0]?.id, quantity }];
  const quoted = await fetch(`${server.url}/v1/quotes`, {
    method: 'POST',
    headers: { Authorization: 'Bearer pk_test_demo', 'Content-Type': 'application/json' },
    body: JSON.stringify({ lines }),
  });
  const { subtotal } = (await quoted.json()) as { subtotal: number };
  const response = await fetch(`${server.url}/v1/orders`, {
    method: 'POST',
    headers: {
      Authorization: 'Bearer pk_test_demo',
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    },
    body: JSON.stringify({
      lines,
      expectedTotal: subtotal,
      buyer: { name: '王小明', phone: '+86 138 0013 8000' },
      shipTo: { country: 'CN', region: 'CN-ZJ', city: '义乌', line1: '稠州北路 88 号' },
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as OrderResponse;
}

async function readOrder(order: OrderResponse): Promise<OrderResponse> {
  const response = await fetch(`${server.url}/v1/orders/${order.id}`, {
    headers: { Authorization: `Bearer ${order.accessToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as OrderResponse;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

beforeAll(async () => {
  // The store's webhook URLs point at the receiver's port, which is chosen first.
  const port = await freePort();
  const hook = (destination: string): string => `http://127.0.0.1:${port}/hooks/${destination}`;
  const base = await loadStoreFile(storeFile);
  server = await startServer({
    store: {
      ...base,
      factories: base.factories.map((factory) => ({ ...factory, webhookUrl: hook(factory.id) })),
      webhooks: { merchant: base.webhooks.merchant && { ...base.webhooks.merchant, url: hook('merchant') } },
    },
    database: 'memory',
    port: 0,
    handleSignals: false,
    logger: createLogger({ level: 'silent' }),
    dispatcher: { pollIntervalMs: 100 },
    cdn: false,
  });
  receiver = await startReceiver({
    ...configFromStoreFile(storeFile),
    api: server.url,
    port,
    logger: silentLogger,
    retryBaseMs: 50,
  });
}, 180_000);

afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

describe('factory receiver', () => {
  it('verifies a signed webhook, then accepts and ships through the factory API', async () => {
    const order = await placeOrder('padded-parka', 12);
    const factoryOrder = order.factoryOrders[0];
    if (!factoryOrder) throw new Error('no factory order');
    // The dispatcher delivers the signed message; the receiver accepts, then ships.
    await waitForJobs((jobs) => jobs[factoryOrder.id]?.step === 'done');
    const job = receiver.jobs()[factoryOrder.id];
    expect(job?.factoryId).toBe(factoryOrder.factoryId);
    expect(job?.trackingNumber).toBe(trackingNumberFor(factoryOrder.id));

    const shipped = await readOrder(order);
    expect(shipped.status).toBe('shipped');
    expect(shipped.factoryOrders[0]).toMatchObject({
      status: 'shipped',
      shipment: { carrier: '顺丰速运 SF Express', trackingNumber: trackingNumberFor(factoryOrder.id) },
    });
  }, 120_000);

  it('refuses a bad signature with 401 and does nothing', async () => {
    const factory = store.factories[0] as StoreFactory;
    const before = receiver.jobs();
    const body = JSON.stringify({
      type: 'factory_order.created',
      timestamp: new Date().toISOString(),
      data: { factoryOrder: { id: 'fo_forged', factoryId: factory.id }, order: { id: 'ord_forged' } },
    });
    const forged = await deliver(
      factory.id,
      'whsec_' + Buffer.from('not the factory secret!!').toString('base64'),
      body,
    );
    expect(forged.status).toBe(401);
    expect(await forged.text()).toBe('invalid_signature');

    const unsigned = await fetch(`${receiver.url}/hooks/${factory.id}`, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.text()).toBe('missing_header');

    // Signed for another factory: its secret does not verify here.
    const other = store.factories[1] as StoreFactory;
    const wrong = await deliver(factory.id, other.webhookSecret, body);
    expect(wrong.status).toBe(401);

    expect(receiver.jobs()).toEqual(before);
    expect(receiver.jobs().fo_forged).toBeUndefined();
  });

  it('processes a webhook id delivered twice once', async () => {
    const order = await placeOrder('wool-beret', 10);
    const factoryOrder = order.factoryOrders[0];
    if (!factoryOrder) throw new Error('no factory order');
    const factory = store.factories.find((f) => f.id === factoryOrder.factoryId) as StoreFactory;
    // Messages signed by hand: the first is taken, the same id again is not, even with other content.
    const message = (subOrderId: string): string =>
      JSON.stringify({
        type: 'factory_order.created',
        timestamp: new Date().toISOString(),
        data: { factoryOrder: { ...factoryOrder, id: subOrderId }, order: { id: order.id, currency: 'CNY' } },
      });
    let changes = 0;
    const stop = receiver.onChange((job) => {
      if (job.id === 'fo_dup_first') changes += 1;
    });
    const id = `msg_${randomUUID()}`;
    const first = await deliver(factory.id, factory.webhookSecret, message('fo_dup_first'), id);
    expect(first.status).toBe(204);
    const again = await deliver(factory.id, factory.webhookSecret, message('fo_dup_first'), id);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('duplicate');
    const replayed = await deliver(factory.id, factory.webhookSecret, message('fo_dup_second'), id);
    expect(replayed.status).toBe(200);

    // The one job runs once: the server has no such sub-order (404), so it is given up, once.
    await waitForJobs((jobs) => jobs.fo_dup_first?.step === 'failed');
    stop();
    expect(changes).toBe(1);
    expect(receiver.jobs().fo_dup_second).toBeUndefined();
    // The real sub-order of that order went through once too.
    await waitForJobs((jobs) => jobs[factoryOrder.id]?.step === 'done');
    expect((await readOrder(order)).status).toBe('shipped');
  }, 120_000);
});
