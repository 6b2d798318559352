// Drives <chain-store>, <chain-catalog> and <chain-ladder-price> against the REAL order server
// (packages/server's app over in-memory PGlite with the demo store, served under /real-api by the
// test runner), not msw: the real offer list with its own cursors, search and categories, the
// real offer route, and the server's own quote compared with the ladder's.
import type { Quote } from '@chainkit/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ChainCatalog, ChainLadderPrice } from '../src/index.js';
import '../src/define.js';
import { createApiClient } from '../src/internal/api-client.js';
import { REAL_API, REAL_API_KEY } from './real-server/real-api.js';

const text = (node: Element | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const cards = (el: ChainCatalog): HTMLElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="list"] [part~="card"]'),
];

describe('catalog and ladder against the real order server', () => {
  before(async function (this: { timeout(ms: number): void }) {
    // The first request starts the server (PGlite) in a child process of the test runner.
    this.timeout(60_000);
    const response = await fetch(`${REAL_API}/v1/offers?limit=1`, {
      headers: { Authorization: `Bearer ${REAL_API_KEY}` },
    });
    expect(response.status).to.equal(200);
  });

  it('pages through the demo store with the server’s cursors, searches and filters', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(30_000);
    const store = await fixture<HTMLElement>(
      html`<chain-store api=${REAL_API} key=${REAL_API_KEY} locale="zh-CN" currency="CNY">
        <chain-catalog page-size="10" scroller layout="list"></chain-catalog>
      </chain-store>`,
    );
    const el = store.querySelector('chain-catalog')!;
    await waitUntil(() => cards(el).length > 0, 'first page', { timeout: 20_000 });
    // The store switched the page's text to Chinese; its translations load asynchronously.
    await waitUntil(() => text(el.shadowRoot!.querySelector('label[for="search"]')) === '搜索商品', 'zh-CN');
    // Pages of 10 (page-size): the list may already have asked for the next page to fill its view.
    expect(el.visibleOffers.length).to.be.greaterThanOrEqual(10);
    const loaded = el.visibleOffers.length;
    expect(loaded === 44 || loaded % 10 === 0, `${loaded} offers loaded`).to.equal(true);
    expect(text(cards(el)[0]!.querySelector('[part~="title"]'))).to.equal('男女同款短款白鸭绒羽绒服');
    expect(text(cards(el)[0]!.querySelector('[part~="ladder"]'))).to.equal(
      '10–49 件 ¥158.00 · 50–199 ¥142.00 · … · ≥1,000 ¥115.00',
    );
    // Scroll the list to the end until every page is in: 44 offers.
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
    await waitUntil(
      () => {
        list.scrollTop = list.scrollHeight;
        return !el.hasMore && el.visibleOffers.length === 44;
      },
      'every page',
      { timeout: 20_000, interval: 100 },
    );
    expect(new Set(el.visibleOffers.map((offer) => offer.id)).size).to.equal(44);

    el.category = 'socks';
    await waitUntil(
      () => el.visibleOffers.length > 0 && el.visibleOffers.every((offer) => offer.category === 'socks'),
      'socks only',
    );
    el.category = '';
    el.query = '羽绒';
    await waitUntil(
      () =>
        el.visibleOffers.length > 0 &&
        el.visibleOffers.length < 44 &&
        el.visibleOffers.every((offer) => JSON.stringify(offer.title).includes('羽绒')),
      'down offers only',
    );
  });

  it('prices like the server: the ladder’s total is the total of POST /v1/quotes', async () => {
    const store = await fixture<HTMLElement>(
      html`<chain-store api=${REAL_API} key=${REAL_API_KEY} locale="en" currency="CNY">
        <chain-ladder-price offer="down-puffer-short" quantity="60"></chain-ladder-price>
      </chain-store>`,
    );
    const el = store.querySelector<ChainLadderPrice>('chain-ladder-price')!;
    await waitUntil(() => el.quote !== undefined, 'offer loaded', { timeout: 20_000 });
    const client = createApiClient({ api: REAL_API, key: REAL_API_KEY });
    for (const quantity of [60, 199, 200, 1000]) {
      el.quantity = quantity;
      await el.updateComplete;
      const server: Quote = await client.quote([{ skuId: 'down-puffer-short-black-m', quantity }]);
      expect(el.quote?.subtotal, `total of ${quantity}`).to.equal(server.subtotal);
      expect(el.quote?.offers[0]?.nextTier).to.deep.equal(server.offers[0]?.nextTier);
      expect(text(el.shadowRoot!.querySelector('[part~="total"]'))).to.contain(
        (server.subtotal / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }),
      );
    }
  });
});
