// Drives <chain-order-form> inside <chain-store> against the REAL order server (packages/server's
// app over in-memory PGlite, served under /real-api by the test runner), not msw: the offer and
// factories come from the real routes, the order is re-priced and routed by the server.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ChainOrderForm } from '../src/order-form/chain-order-form.js';
import '../src/order-form/define.js';
import '../src/store/define.js';
import { REAL_API, REAL_API_KEY } from './real-server/real-api.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<chain-order-form> against the real order server', () => {
  it('prices a mixed batch like the server, places it and shows the server’s sub-orders', async function (this: {
    timeout(ms: number): void;
  }) {
    // The first /real-api request starts the server (PGlite) in the test runner's process.
    this.timeout(60_000);
    const store = await fixture<HTMLElement>(
      html`<chain-store api=${REAL_API} key=${REAL_API_KEY} locale="en">
        <chain-order-form offer="down-puffer-short"></chain-order-form>
      </chain-store>`,
    );
    const el = store.querySelector<ChainOrderForm>('chain-order-form')!;
    const root = el.shadowRoot!;
    await waitUntil(
      () => root.querySelector('[data-sku="down-puffer-short-black-m"]') !== null,
      'the matrix',
      {
        timeout: 50_000,
      },
    );
    const type = (skuId: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`[data-sku="${skuId}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    type('down-puffer-short-black-m', '30');
    type('down-puffer-short-navy-l', '25');
    await el.updateComplete;
    // 55 pieces across two colours reach the 50+ tier: ¥142.00 each.
    expect(text(root.querySelector('[part~="total"]'))).to.equal('CN¥7,810.00');
    for (const [name, value] of Object.entries({
      'buyer.name': 'Test Buyer',
      'buyer.phone': '+86 138 0000 0000',
      'shipTo.region': 'CN-ZJ',
      'shipTo.city': 'Hangzhou',
      'shipTo.line1': '1 Test Road',
    })) {
      const input = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await waitUntil(() => root.querySelector('[part~="routing"]') !== null, 'the routing preview', {
      timeout: 10_000,
    });
    const placed = oneEvent(el, 'chain-order-placed');
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    const { order } = (await placed).detail;
    expect(order.id).to.match(/^ord_/);
    expect(order.total).to.equal(55 * 14200);
    await el.updateComplete;
    expect(text(root.querySelector('[part~="order-number"]'))).to.equal(order.id);
    const subOrders = [...root.querySelectorAll('[part~="factory-order"]')];
    expect(subOrders).to.have.length(order.factoryOrders.length);
    expect(text(subOrders[0])).to.contain('Black / M × 30');
  });
});
