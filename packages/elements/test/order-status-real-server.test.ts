// Drives <chain-store> and <chain-order-status> against the REAL order server (packages/server's
// app over in-memory PGlite, served under /real-api by the test runner), not msw: a real order
// placed through the API client, real factory transitions, the real /v1/factories route.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { OrderResponse } from '@chainkit/core';
import { createApiClient } from '../src/internal/api-client.js';
import { ChainApiError } from '../src/internal/api-error.js';
import type { ChainOrderStatus } from '../src/order-status/chain-order-status.js';
import '../src/order-status/define.js';
import '../src/store/define.js';
import { demoStore, REAL_API, REAL_API_KEY, serverSide } from './real-server/real-api.js';

const q = (el: ChainOrderStatus, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const qa = (el: ChainOrderStatus, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const BUYER = {
  buyer: { name: 'Test Buyer', phone: '+86 138 0000 0000' },
  shipTo: { country: 'CN', region: 'CN-ZJ', city: 'Hangzhou', line1: '1 Test Road' },
};

describe('against the real order server', () => {
  const client = createApiClient({ api: REAL_API, key: REAL_API_KEY });
  let order: OrderResponse;
  let factoryKeys: Map<string, string>;

  before(async function (this: { timeout(ms: number): void }) {
    // The first request starts the server (PGlite) in the test runner's process.
    this.timeout(60_000);
    factoryKeys = new Map((await demoStore()).factories.map((f) => [f.id, f.apiKey]));
    const lines = [
      { skuId: 'down-puffer-short-black-m', quantity: 20 },
      { skuId: 'cable-knit-sweater-cream-m', quantity: 10 },
    ];
    const priced = await client.quote(lines);
    expect(priced.ok).to.equal(true);
    order = await client.placeOrder(
      { ...BUYER, lines, expectedTotal: priced.subtotal },
      { idempotencyKey: crypto.randomUUID() },
    );
  });

  it('places an order through the API client, and a replay with the same key returns it', async () => {
    expect(order.id).to.match(/^ord_/);
    expect(order.factoryOrders.map((fo) => fo.factoryId)).to.deep.equal(['f-changshu-down', 'f-yiwu-knit']);
    const key = crypto.randomUUID();
    const lines = [{ skuId: 'cable-knit-sweater-cream-m', quantity: 10 }];
    const priced = await client.quote(lines);
    const first = await client.placeOrder(
      { ...BUYER, lines, expectedTotal: priced.subtotal },
      { idempotencyKey: key },
    );
    const again = await client.placeOrder(
      { ...BUYER, lines, expectedTotal: priced.subtotal },
      { idempotencyKey: key },
    );
    expect(again).to.deep.equal(first);
  });

  it('gets 409 price_changed from the real server for a wrong expected total', async () => {
    const lines = [{ skuId: 'cable-knit-sweater-cream-m', quantity: 10 }];
    let error: unknown;
    try {
      await client.placeOrder({ ...BUYER, lines, expectedTotal: 1 }, { idempotencyKey: crypto.randomUUID() });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ChainApiError);
    expect((error as ChainApiError).code).to.equal('price_changed');
    expect((error as ChainApiError).status).to.equal(409);
  });

  it('follows the order through the factories’ accept, ship and reject', async () => {
    const store = await fixture<HTMLElement>(
      html`<chain-store api=${REAL_API} key=${REAL_API_KEY} locale="en">
        <chain-order-status order=${order.id} token=${order.accessToken} refresh="0.2"></chain-order-status>
      </chain-store>`,
    );
    const el = store.querySelector<ChainOrderStatus>('chain-order-status')!;
    await waitUntil(() => qa(el, '[part~="sub-order"]').length === 2, 'the order never showed', {
      timeout: 5000,
    });
    // Names from the real GET /v1/factories.
    await waitUntil(() => text(q(el, '[part~="sub-order"] h4')).includes('Changshu Bingjie Down Apparel'));
    expect(text(q(el, '[part~="status"]'))).to.equal('Placed');
    await expect(el).to.be.accessible();

    const [down, knit] = order.factoryOrders;
    const changed = oneEvent(el, 'chain-order-status-change');
    const accepted = await serverSide(
      `/v1/factory/orders/${down!.id}/accept`,
      factoryKeys.get(down!.factoryId)!,
      {},
    );
    expect(accepted.status).to.equal(200);
    expect((await changed).detail.status).to.equal('partially_accepted');
    await el.updateComplete;
    expect(text(q(el, '[part~="status"]'))).to.equal('Partly accepted');

    const shipped = await serverSide(
      `/v1/factory/orders/${down!.id}/ship`,
      factoryKeys.get(down!.factoryId)!,
      {
        carrier: 'SF Express',
        trackingNumber: 'SF0001234567',
      },
    );
    expect(shipped.status).to.equal(200);
    const rejected = await serverSide(
      `/v1/factory/orders/${knit!.id}/reject`,
      factoryKeys.get(knit!.factoryId)!,
      {
        reason: 'Cream yarn sold out until December',
      },
    );
    expect(rejected.status).to.equal(200);
    await waitUntil(() => text(q(el, '[part~="tracking"]')) === 'SF0001234567', 'the shipment never showed');
    await waitUntil(() => text(el.shadowRoot!).includes('Reason: Cream yarn sold out until December'));
    expect(text(q(el, '[part~="status"]'))).to.equal('Partly shipped');
    await expect(el).to.be.accessible();
  });

  it('the real server refuses a factory key sent from the browser (with an Origin)', async () => {
    const [down] = order.factoryOrders;
    // A same-origin POST carries Origin (a GET would not), as a cross-origin shop page's would.
    const response = await fetch(`${REAL_API}/v1/factory/orders/${down!.id}/accept`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${factoryKeys.get(down!.factoryId)!}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(response.status).to.equal(401);
  });
});
