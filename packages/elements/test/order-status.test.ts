import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { OrderResponse } from '@chainkit/core';
import { setChainLocale } from '../src/internal/localization.js';
import type { ChainOrderStatus } from '../src/order-status/chain-order-status.js';
import '../src/order-status/define.js';
import '../src/store/define.js';
import { withDocumentLang } from './helpers.js';
import { COAT, FIXTURE_CATALOG, HAT, MOCK_API, MOCK_KEY, SOCKS, useMockApi, worker } from './mocks/setup.js';

const api = useMockApi();

/** Coat from Ningbo only, so a coat + hat order has two sub-orders (Ningbo and Yiwu). */
function useTwoFactoryCatalog(): void {
  api.useCatalog({
    ...FIXTURE_CATALOG,
    offers: [{ ...COAT, sourcing: [{ factoryId: 'f-ningbo', priority: 1 }] }, HAT, SOCKS],
  });
}

function twoFactoryOrder(): OrderResponse {
  useTwoFactoryCatalog();
  return api.seedOrder([
    { skuId: 'coat-black-m', quantity: 20 },
    { skuId: 'hat-red', quantity: 10 },
  ]);
}

async function render(order: OrderResponse | undefined, extra: { refresh?: number; locale?: string } = {}) {
  const store = await fixture<HTMLElement>(
    html`<chain-store api=${MOCK_API} key=${MOCK_KEY} locale=${extra.locale ?? 'en'}>
      <chain-order-status
        order=${order?.id ?? ''}
        token=${order?.accessToken ?? ''}
        refresh=${extra.refresh ?? 30}
      ></chain-order-status>
    </chain-store>`,
  );
  return store.querySelector<ChainOrderStatus>('chain-order-status')!;
}

const q = (el: ChainOrderStatus, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const qa = (el: ChainOrderStatus, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function ready(el: ChainOrderStatus): Promise<void> {
  await waitUntil(() => q(el, '[part~="heading"]'), 'the order never showed');
  await el.updateComplete;
}

function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

const orderReads = () => api.requests.filter((r) => r.path.startsWith('/v1/orders/'));

describe('<chain-order-status>', () => {
  let restoreLang: () => void = () => {};
  beforeEach(() => {
    restoreLang = withDocumentLang('en');
  });
  afterEach(async () => {
    restoreLang();
    delete (document as { visibilityState?: unknown }).visibilityState;
    await setChainLocale('en');
  });

  describe('states', () => {
    it('shows a skeleton of the reserved height while loading, then the order in the same space', async () => {
      const order = api.seedOrder([{ skuId: 'coat-black-m', quantity: 20 }]);
      api.setLatency(300);
      const el = await render(order);
      const base = q(el, '[part~="base"]')!;
      expect(q(el, '[part~="skeleton"]')).to.not.equal(null);
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(text(q(el, '[role="status"]'))).to.equal('Loading order…');
      const loadingHeight = base.getBoundingClientRect().height;
      await expect(el).to.be.accessible();
      await ready(el);
      expect(base.getAttribute('aria-busy')).to.equal('false');
      expect(q(el, '[part~="skeleton"]')).to.equal(null);
      // A one-factory order fits the reserved space: nothing below the widget moves.
      expect(base.getBoundingClientRect().height).to.equal(loadingHeight);
    });

    it('shows each factory sub-order with its timeline, totals and the estimated ship date', async () => {
      const order = twoFactoryOrder();
      const el = await render(order);
      await ready(el);
      expect(text(q(el, '[part~="heading"]'))).to.equal(`Order ${order.id}`);
      expect(text(q(el, '[part~="status"]'))).to.equal('Placed');
      expect(text(q(el, '[part~="summary"]'))).to.contain(
        `¥${(order.total / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`,
      );
      const sections = qa(el, '[part~="sub-order"]');
      expect(sections).to.have.length(2);
      expect(sections.map((s) => s.dataset.factory)).to.deep.equal(
        order.factoryOrders.map((fo) => fo.factoryId),
      );
      // Factory names come from /v1/factories.
      await waitUntil(() => text(sections[0]!.querySelector('h4')).includes('Ningbo Haishu Garments'));
      const ningbo = sections[0]!;
      expect(text(ningbo.querySelector('[part~="badge"]'))).to.equal('Awaiting acceptance');
      expect(text(ningbo)).to.contain('Quantity 20');
      const steps = [...ningbo.querySelectorAll('[part~="step"]')];
      expect(steps.map((s) => s.getAttribute('part'))).to.deep.equal([
        'step step-done',
        'step step-current',
        'step step-pending',
      ]);
      expect(steps[1]!.getAttribute('aria-current')).to.equal('step');
      expect(text(steps[2])).to.contain('Estimated ship date:');
      expect(text(steps[2])).to.contain('2026');
      expect(text(q(el, '[role="status"]'))).to.equal('Order status: Placed');
      await expect(el).to.be.accessible();
    });

    it('shows a rejection with the reason and a shipment with carrier and tracking number', async () => {
      const order = twoFactoryOrder();
      api.updateFactoryOrder(order.id, 0, {
        status: 'shipped',
        shipment: {
          carrier: 'SF Express',
          trackingNumber: 'SF1234567890',
          shippedAt: '2026-11-27T03:00:00.000Z',
        },
      });
      api.updateFactoryOrder(order.id, 1, {
        status: 'rejected',
        rejectionReason: 'Out of red yarn <b>this week</b>',
      });
      const el = await render(order);
      await ready(el);
      expect(text(q(el, '[part~="status"]'))).to.equal('Partly shipped');
      const [shipped, rejected] = qa(el, '[part~="sub-order"]');
      expect(text(shipped)).to.contain('Carrier: SF Express');
      expect(text(shipped!.querySelector('[part~="tracking"]'))).to.equal('SF1234567890');
      expect(shipped!.querySelectorAll('[part~="step-done"]')).to.have.length(3);
      expect(text(rejected!.querySelector('[part~="step-failed"]'))).to.contain(
        'Reason: Out of red yarn <b>this week</b>',
      );
      // The factory's text is text, never markup.
      expect(rejected!.querySelector('b')).to.equal(null);
      expect(text(rejected)).to.contain('Will not ship');
      await expect(el).to.be.accessible();
    });

    it('says the order was not found, offers a retry, and fires chain-order-status-error', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const errorEvent = oneEvent(document, 'chain-order-status-error');
      const el = await render({ ...order, accessToken: 'ot_not_the_right_token_xxxxxxx' });
      const event = await errorEvent;
      expect(event.detail).to.deep.equal({ orderId: order.id, code: 'not_found', duringRefresh: false });
      await el.updateComplete;
      const error = q(el, '[part~="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain("We couldn't find this order");
      expect(q(el, '[part~="retry-button"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('recovers from a network error with the retry button', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      api.fail({ path: '/v1/orders/', status: 'network', times: 4 });
      const el = await render(order);
      await waitUntil(() => q(el, '[part~="error"]'), 'no error shown', { timeout: 5000 });
      expect(text(q(el, '[part~="error"]'))).to.contain("Couldn't reach the store");
      q(el, '[part~="retry-button"]')!.click();
      await ready(el);
      expect(q(el, '[part~="error"]')).to.equal(null);
    });

    it('says there is no order when order or token is missing', async () => {
      const el = await render(undefined);
      expect(text(q(el, '[part~="base"]'))).to.equal('No order to show.');
      expect(api.requests.filter((r) => r.path.startsWith('/v1/orders'))).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows the status its sub-orders imply when a response pairs them with a stale one', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const accepted = api.updateFactoryOrder(order.id, 0, { status: 'accepted' });
      worker.use(
        http.get(`${MOCK_API}/v1/orders/:id`, () => HttpResponse.json({ ...accepted, status: 'placed' })),
      );
      const el = await render(order);
      await ready(el);
      expect(text(q(el, '[part~="status"]'))).to.equal('Accepted');
    });

    it('sends the token only in the Authorization header', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const el = await render(order);
      await ready(el);
      const read = orderReads()[0]!;
      expect(read.authorization).to.equal(`Bearer ${order.accessToken}`);
      expect(read.path + read.search).to.not.contain(order.accessToken);
    });
  });

  describe('refresh', () => {
    it('polls while open, fires chain-order-status-change on a change, and announces it', async () => {
      const order = twoFactoryOrder();
      const el = await render(order, { refresh: 0.1 });
      await ready(el);
      const changed = oneEvent(el, 'chain-order-status-change');
      api.updateFactoryOrder(order.id, 0, { status: 'accepted' });
      const event = await changed;
      expect(event.detail.orderId).to.equal(order.id);
      expect(event.detail.previousStatus).to.equal('placed');
      expect(event.detail.status).to.equal('partially_accepted');
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(text(q(el, '[part~="status"]'))).to.equal('Partly accepted');
      expect(text(q(el, '[role="status"]'))).to.equal('Order status: Partly accepted');
    });

    it('does not fire a change event when nothing changed', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const el = await render(order, { refresh: 0.05 });
      await ready(el);
      let fired = 0;
      el.addEventListener('chain-order-status-change', () => (fired += 1));
      await waitUntil(() => orderReads().length >= 3);
      expect(fired).to.equal(0);
    });

    it('pauses while the page is hidden and refreshes at once when it is shown again', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const el = await render(order, { refresh: 0.05 });
      await ready(el);
      setHidden(true);
      await aTimeout(20);
      const whileHidden = orderReads().length;
      await aTimeout(250);
      expect(orderReads().length).to.equal(whileHidden);
      setHidden(false);
      await waitUntil(() => orderReads().length > whileHidden, 'no refresh when shown again');
    });

    it('stops when the element is removed', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const el = await render(order, { refresh: 0.05 });
      await ready(el);
      await waitUntil(() => orderReads().length >= 2);
      el.remove();
      await aTimeout(20);
      const reads = orderReads().length;
      await aTimeout(250);
      expect(orderReads().length).to.equal(reads);
    });

    it('loads again when moved in the page while its first load was in flight', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const el = await render(order);
      // Moved (removed and put back) before the order arrived: the removal aborted the load.
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitUntil(() => q(el, '[part~="heading"]'), 'stuck on the skeleton after the move', {
        timeout: 3000,
      });
      expect(el.data?.id).to.equal(order.id);
    });

    it('stops once every sub-order is shipped or rejected', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      api.updateFactoryOrder(order.id, 0, {
        status: 'shipped',
        shipment: { carrier: 'ZTO', trackingNumber: '7531', shippedAt: '2026-11-27T03:00:00.000Z' },
      });
      const el = await render(order, { refresh: 0.05 });
      await ready(el);
      await aTimeout(250);
      expect(orderReads()).to.have.length(1);
    });

    it('does not poll with refresh="0"', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const el = await render(order, { refresh: 0 });
      await ready(el);
      await aTimeout(250);
      expect(orderReads()).to.have.length(1);
    });

    it('keeps the order on screen with a note when a refresh fails, and clears it when one succeeds', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      const el = await render(order, { refresh: 0.05 });
      await ready(el);
      api.fail({ path: '/v1/orders/', status: 500 });
      await waitUntil(() => q(el, '[part~="notice"]'), 'no note after a failed refresh');
      expect(text(q(el, '[part~="notice"]'))).to.contain("Couldn't refresh");
      expect(q(el, '[part~="heading"]')).to.not.equal(null);
      await waitUntil(() => !q(el, '[part~="notice"]'), 'the note stayed after a good refresh');
    });
  });

  describe('locale', () => {
    it('shows Chinese text and Chinese dates and money in zh-CN, and switches back at run time', async () => {
      const order = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
      api.updateFactoryOrder(order.id, 0, { status: 'rejected', rejectionReason: '缺货' });
      const el = await render(order, { locale: 'zh-CN' });
      await ready(el);
      await waitUntil(
        () => text(q(el, '[part~="heading"]')) === `订单 ${order.id}`,
        text(q(el, '[part~="heading"]')),
      );
      expect(text(q(el, '[part~="status"]'))).to.equal('已拒单');
      const section = q(el, '[part~="sub-order"]')!;
      expect(text(section)).to.contain('原因：缺货');
      expect(text(section)).to.contain('数量 5');
      expect(text(q(el, '[part~="summary"]'))).to.contain('¥75.00');
      expect(text(q(el, '[part~="summary"]'))).to.match(/2026年11月24日/);
      await expect(el).to.be.accessible();
      const store = el.closest('chain-store')!;
      store.setAttribute('locale', 'en-US');
      await waitUntil(() => text(q(el, '[part~="heading"]')) === `Order ${order.id}`);
      expect(text(q(el, '[part~="summary"]'))).to.match(/Nov 24, 2026/);
    });
  });
});
