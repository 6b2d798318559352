import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { ChainCatalog, type OfferSelectDetail } from '../src/index.js';
import '../src/define.js';
import { sharedClient } from '../src/internal/shared-client.js';
import { makeOffers } from './catalog-offers.js';
import { COAT, FIXTURE_CATALOG, HAT, MOCK_API, MOCK_KEY, SOCKS, useMockApi, worker } from './mocks/setup.js';

const api = useMockApi();

// Elements outside a store share one client per api + key, whose catalog reads are cached: start
// every test from an empty cache so each sees the mock's current catalog and failures.
beforeEach(() => sharedClient(MOCK_API, MOCK_KEY)?.clearCache());

function q<T extends Element = HTMLElement>(el: ChainCatalog, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

function cards(el: ChainCatalog): HTMLButtonElement[] {
  // The cards in the list (the hidden, inert probes are cards too).
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="list"] [part~="card"]')];
}

function titles(el: ChainCatalog): string[] {
  return cards(el).map((card) => card.querySelector('[part~="title"]')?.textContent?.trim() ?? '');
}

function text(el: Element | null): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function offerRequests(): { search: URLSearchParams }[] {
  return api.requests
    .filter((r) => r.path === '/v1/offers')
    .map((r) => ({ search: new URLSearchParams(r.search) }));
}

/**
 * How long a state that waits for an (msw) response may take: waitUntil's 1 s default is too
 * short for the first response of a run on a busy 2-core machine (seen once in CI-like runs).
 */
const RESPONSE_TIMEOUT = 5000;

async function networkCatalog(attrs: { locale?: string; pageSize?: number } = {}): Promise<ChainCatalog> {
  return fixture<ChainCatalog>(
    html`<chain-catalog
      api=${MOCK_API}
      key=${MOCK_KEY}
      locale=${attrs.locale ?? 'en'}
      page-size=${attrs.pageSize ?? 48}
    ></chain-catalog>`,
  );
}

async function loaded(el: ChainCatalog, count?: number): Promise<void> {
  await waitUntil(
    () => (count === undefined ? cards(el).length > 0 : cards(el).length === count),
    `expected ${count ?? 'some'} cards, saw ${cards(el).length}`,
    { timeout: RESPONSE_TIMEOUT },
  );
  await el.updateComplete;
}

/** Types into the search box and presses Enter (which skips the debounce). */
async function search(el: ChainCatalog, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, '[part~="search"]')!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<chain-catalog>', () => {
  it('is registered by the define entry as ChainCatalog', () => {
    expect(customElements.get('chain-catalog')).to.equal(ChainCatalog);
  });

  describe('states', () => {
    it('shows skeleton cards while the first page loads, hidden from assistive technology', async () => {
      api.setLatency(3000);
      const el = await networkCatalog();
      const skeletons = el.shadowRoot!.querySelectorAll('.skeletons [part~="skeleton"]');
      expect(skeletons.length).to.be.greaterThan(0);
      expect(q(el, '.skeletons')?.getAttribute('aria-hidden')).to.equal('true');
      expect(cards(el)).to.have.length(0);
      expect(text(el.shadowRoot!.querySelector('.visually-hidden:not([role])'))).to.equal('Loading offers…');
      await expect(el).to.be.accessible();
    });

    it('loads again when moved in the page while the first page was loading', async () => {
      api.setLatency(200);
      const el = await networkCatalog();
      // Moved before the page arrived: the removal aborted the request.
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await loaded(el);
    });

    it('reserves exactly the space of the cards while loading (no layout shift)', async () => {
      api.setLatency(500);
      const el = await networkCatalog();
      await waitUntil(() => q(el, '.skeletons [part~="skeleton"]') !== null, 'skeletons');
      const skeleton = q(el, '.skeletons [part~="skeleton"]')!.getBoundingClientRect();
      await loaded(el, 3);
      const card = cards(el)[0]!.getBoundingClientRect();
      expect(card.top).to.equal(skeleton.top);
      expect(card.left).to.equal(skeleton.left);
      expect(card.width).to.equal(skeleton.width);
      expect(card.height).to.equal(skeleton.height);
    });

    it('fills with one card per offer: image, title, price range, short ladder, MOQ', async () => {
      const el = await networkCatalog();
      await loaded(el, 3);
      expect(titles(el)).to.deep.equal([
        'Wool-blend double-breasted coat',
        'Cable-knit beanie',
        'Merino crew socks (box of 6 pairs)',
      ]);
      const coat = cards(el)[0]!;
      const img = coat.querySelector('img')!;
      expect(img.alt).to.equal('Wool-blend double-breasted coat');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('width')).to.equal('240');
      expect(img.getAttribute('height')).to.equal('240');
      // The camel XL SKU has its own dearer ladder, so the range runs up to ¥168.00.
      // Intl writes CNY as CN¥ in English, as ¥ in Chinese.
      expect(text(coat.querySelector('[part~="price"]'))).to.equal('CN¥128.00–CN¥168.00');
      expect(text(coat.querySelector('[part~="ladder"]'))).to.equal(
        '10–49 pcs CN¥158.00 · 50–199 CN¥142.00 · 200–5,000 CN¥128.00',
      );
      expect(text(coat.querySelector('[part~="rules"]'))).to.equal('MOQ 10 pcs');
      const socks = cards(el)[2]!;
      expect(socks.querySelector('img')).to.equal(null);
      expect(text(socks.querySelector('[part~="rules"]'))).to.equal('MOQ 12 pairs · packs of 6 pairs');
      expect(text(q(el, '[part~="status"]'))).to.equal('3 offers');
      await expect(el).to.be.accessible();
    });

    it('names each card by its title, then its price, ladder and rules', async () => {
      const el = await networkCatalog();
      await loaded(el, 3);
      const card = cards(el)[1]!;
      const parts = card
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => text(el.shadowRoot!.getElementById(id)));
      expect(parts).to.deep.equal([
        'Cable-knit beanie',
        'CN¥9.00–CN¥15.00',
        '5–19 pcs CN¥15.00 · 20–99 CN¥12.00 · ≥100 CN¥9.00',
        'MOQ 5 pcs',
      ]);
      const item = card.parentElement!;
      expect(item.getAttribute('role')).to.equal('listitem');
      expect(item.getAttribute('aria-posinset')).to.equal('2');
      expect(item.getAttribute('aria-setsize')).to.equal('3');
    });

    it('shows an empty state with a way back when nothing matches', async () => {
      const el = await networkCatalog();
      await loaded(el, 3);
      await search(el, 'no such thing');
      await waitUntil(() => q(el, '[part~="empty"]') !== null, 'empty state', { timeout: RESPONSE_TIMEOUT });
      expect(text(q(el, '[part~="empty"] p'))).to.equal('No offers match your search.');
      await expect(el).to.be.accessible();
      q<HTMLButtonElement>(el, '[part~="empty"] button')!.click();
      await loaded(el, 3);
      expect(el.query).to.equal('');
    });

    it('shows an empty state for a store without offers', async () => {
      api.useCatalog({ ...FIXTURE_CATALOG, offers: [] });
      const el = await networkCatalog();
      await waitUntil(() => q(el, '[part~="empty"]') !== null, 'empty state', { timeout: RESPONSE_TIMEOUT });
      expect(text(q(el, '[part~="empty"]'))).to.equal('There are no offers yet.');
    });

    it('shows an error with Retry, announced as an alert, and recovers', async () => {
      api.fail({ path: '/v1/offers', status: 500 });
      const el = await networkCatalog();
      await waitUntil(() => q(el, '[part~="error"]') !== null, 'error state', { timeout: RESPONSE_TIMEOUT });
      const error = q(el, '[part~="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error.querySelector('p'))).to.equal('The offers could not be loaded.');
      await expect(el).to.be.accessible();
      q<HTMLButtonElement>(el, '[part~="retry"]')!.click();
      await loaded(el, 3);
      expect(q(el, '[part~="error"]')).to.equal(null);
    });

    it('says so when the store cannot be reached', async () => {
      // More failures than the client makes attempts (4), so every attempt fails.
      api.fail({ path: '/v1/offers', status: 'network', times: 10 });
      const el = await fixture<ChainCatalog>(
        html`<chain-catalog api=${MOCK_API} key=${MOCK_KEY} locale="en"></chain-catalog>`,
      );
      await waitUntil(() => q(el, '[part~="error"]') !== null, 'error state', { timeout: 8000 });
      expect(text(q(el, '[part~="error"] p'))).to.contain('Could not reach the store');
    });
  });

  describe('search and filter', () => {
    it('asks the server for the search text, debounced while typing', async () => {
      const el = await networkCatalog();
      await loaded(el, 3);
      const input = q<HTMLInputElement>(el, '[part~="search"]')!;
      input.focus();
      await sendKeys({ type: 'bean' });
      await aTimeout(100);
      // Still within the debounce: no request yet for the partial text.
      expect(offerRequests().map((r) => r.search.get('q'))).to.deep.equal([null]);
      await loaded(el, 1);
      expect(titles(el)).to.deep.equal(['Cable-knit beanie']);
      expect(offerRequests().map((r) => r.search.get('q'))).to.deep.equal([null, 'bean']);
      expect(el.query).to.equal('bean');
      expect(text(q(el, '[part~="status"]'))).to.equal('1 offers');
    });

    it('keeps a query the page sets while typing still waits to apply', async () => {
      const el = await networkCatalog();
      await loaded(el, 3);
      const input = q<HTMLInputElement>(el, '[part~="search"]')!;
      input.focus();
      await sendKeys({ type: 'bean' });
      el.query = 'scarf';
      await aTimeout(500);
      expect(el.query).to.equal('scarf');
      expect(offerRequests().map((r) => r.search.get('q'))).to.not.include('bean');
    });

    it('has a labelled search box and category filter', async () => {
      const el = await networkCatalog();
      await loaded(el, 3);
      const input = q<HTMLInputElement>(el, '[part~="search"]')!;
      expect(text(el.shadowRoot!.querySelector(`label[for="${input.id}"]`))).to.equal('Search offers');
      const select = q<HTMLSelectElement>(el, '[part~="category"]')!;
      expect(text(el.shadowRoot!.querySelector(`label[for="${select.id}"]`))).to.equal('Category');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'outerwear', 'accessories']);
    });

    it('asks the server for the chosen category and keeps the other categories selectable', async () => {
      const el = await networkCatalog();
      await loaded(el, 3);
      const select = q<HTMLSelectElement>(el, '[part~="category"]')!;
      select.value = 'accessories';
      select.dispatchEvent(new Event('change'));
      await loaded(el, 2);
      expect(titles(el)).to.deep.equal(['Cable-knit beanie', 'Merino crew socks (box of 6 pairs)']);
      expect(offerRequests().at(-1)!.search.get('category')).to.equal('accessories');
      expect(el.category).to.equal('accessories');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'outerwear', 'accessories']);
    });

    it('uses the categories property for the filter, with labels in the locale', async () => {
      const el = await fixture<ChainCatalog>(html`<chain-catalog locale="en"></chain-catalog>`);
      el.categories = [{ id: 'outerwear', label: { en: 'Coats', 'zh-CN': '外套' } }, 'accessories'];
      el.offers = FIXTURE_CATALOG.offers;
      await el.updateComplete;
      const options = [...q<HTMLSelectElement>(el, '[part~="category"]')!.options].map(text);
      expect(options).to.deep.equal(['All categories', 'Coats', 'accessories']);
    });
  });

  describe('paging', () => {
    it('loads the next page with the cursor as the buyer scrolls', async () => {
      api.useCatalog({ ...FIXTURE_CATALOG, offers: makeOffers(120) });
      const el = await fixture<ChainCatalog>(
        html`<chain-catalog
          api=${MOCK_API}
          key=${MOCK_KEY}
          locale="en"
          page-size="20"
          scroller
          layout="list"
        ></chain-catalog>`,
      );
      await loaded(el);
      expect(el.visibleOffers).to.have.length(20);
      expect(el.hasMore).to.equal(true);
      const list = q(el, '[part~="list"]')!;
      for (let i = 0; i < 20 && el.visibleOffers.length < 60; i += 1) {
        list.scrollTop = list.scrollHeight;
        await aTimeout(60);
      }
      expect(el.visibleOffers.length).to.be.at.least(60);
      const requests = offerRequests();
      expect(requests[0]!.search.get('cursor')).to.equal(null);
      expect(requests[1]!.search.get('cursor')).to.be.a('string');
      expect(requests.every((r) => r.search.get('limit') === '20')).to.equal(true);
      // Only the rows near the viewport are in the DOM.
      expect(cards(el).length).to.be.lessThan(el.visibleOffers.length);
    });

    it('narrows from the end of the loaded pages to a few results without a hitch', async () => {
      api.useCatalog({ ...FIXTURE_CATALOG, offers: makeOffers(60) });
      const el = await fixture<ChainCatalog>(
        html`<chain-catalog
          api=${MOCK_API}
          key=${MOCK_KEY}
          locale="en"
          page-size="10"
          scroller
          layout="list"
        ></chain-catalog>`,
      );
      await loaded(el);
      const list = q(el, '[part~="list"]')!;
      await waitUntil(
        () => {
          list.scrollTop = list.scrollHeight;
          return !el.hasMore;
        },
        'every page',
        { interval: 50 },
      );
      el.category = 'socks';
      // The first page of socks fills fewer rows than the view holds, so the next one may
      // already be on its way (or here) by the time this looks.
      await waitUntil(
        () => el.visibleOffers.length >= 10 && el.visibleOffers.every((offer) => offer.category === 'socks'),
        'a page of socks',
      );
      await waitUntil(() => cards(el).length > 0, 'socks cards');
      // 12 of the 60 offers are socks: the other 2 come as the buyer scrolls on.
      await waitUntil(
        () => {
          list.scrollTop = list.scrollHeight;
          return !el.hasMore;
        },
        'every sock',
        { interval: 50 },
      );
      expect(el.visibleOffers).to.have.length(12);
      expect(el.visibleOffers.every((offer) => offer.category === 'socks')).to.equal(true);
    });

    it('shows a retry at the end when the next page fails', async () => {
      api.useCatalog({ ...FIXTURE_CATALOG, offers: makeOffers(30) });
      let failures = 0;
      // The first request for a next page fails; everything else goes to the usual handler.
      worker.use(
        http.get(`${MOCK_API}/v1/offers`, ({ request }) => {
          if (!new URL(request.url).searchParams.has('cursor') || failures > 0) return undefined;
          failures += 1;
          return HttpResponse.json({ error: { code: 'internal_error', message: 'boom' } }, { status: 500 });
        }),
      );
      const el = await networkCatalog({ pageSize: 20 });
      await loaded(el);
      // The first rows in view already ask for the next page; ask only if that has not happened.
      if (q(el, '[part~="more-error"]') === null) el.loadMore();
      await waitUntil(() => q(el, '[part~="more-error"]') !== null, 'more-error');
      expect(el.visibleOffers).to.have.length(20);
      await expect(el).to.be.accessible();
      q<HTMLButtonElement>(el, '[part~="more-error"] [part~="retry"]')!.click();
      await waitUntil(() => el.visibleOffers.length === 30, 'second page');
      expect(el.hasMore).to.equal(false);
    });
  });

  describe('offers property', () => {
    it('renders 10,000 offers with only a bounded number of cards in the DOM, and no network', async () => {
      const offers = makeOffers(10_000);
      const el = await fixture<ChainCatalog>(html`<chain-catalog locale="en"></chain-catalog>`);
      el.offers = offers;
      await loaded(el);
      await aTimeout(50);
      expect(el.visibleOffers).to.have.length(10_000);
      expect(cards(el).length).to.be.greaterThan(0);
      expect(cards(el).length).to.be.lessThan(300);
      expect(titles(el)[0]).to.equal('Generated offer 0');
      expect(api.requests).to.have.length(0);
    });

    it('narrows from far down a long list to a few results without a hitch', async () => {
      const el = await fixture<ChainCatalog>(html`<chain-catalog locale="en"></chain-catalog>`);
      el.offers = makeOffers(3000);
      await loaded(el);
      window.scrollTo(0, 60_000);
      await waitUntil(() => titles(el).some((title) => Number(title.split(' ').at(-1)) > 100), 'far down');
      el.query = 'offer 2999';
      await loaded(el, 1);
      expect(titles(el)).to.deep.equal(['Generated offer 2999']);
      window.scrollTo(0, 0);
    });

    it('searches and filters in the browser', async () => {
      const el = await fixture<ChainCatalog>(html`<chain-catalog locale="en"></chain-catalog>`);
      el.offers = FIXTURE_CATALOG.offers;
      await loaded(el, 3);
      await search(el, '袜');
      await loaded(el, 1);
      expect(titles(el)).to.deep.equal(['Merino crew socks (box of 6 pairs)']);
      el.query = '';
      el.category = 'outerwear';
      await loaded(el, 1);
      expect(titles(el)).to.deep.equal(['Wool-blend double-breasted coat']);
      expect(api.requests).to.have.length(0);
    });
  });

  describe('selecting an offer', () => {
    it('fires chain-offer-select with the offer on click', async () => {
      const el = await fixture<ChainCatalog>(html`<chain-catalog locale="en"></chain-catalog>`);
      el.offers = FIXTURE_CATALOG.offers;
      await loaded(el, 3);
      setTimeout(() => cards(el)[1]!.click());
      const event = (await oneEvent(document.body, 'chain-offer-select')) as CustomEvent<OfferSelectDetail>;
      expect(event.detail.offerId).to.equal('hat');
      expect(event.detail.offer).to.equal(HAT);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
    });

    it('is reachable with Tab and chosen with Enter or Space', async () => {
      const el = await fixture<ChainCatalog>(html`<chain-catalog locale="en"></chain-catalog>`);
      el.offers = FIXTURE_CATALOG.offers;
      el.categories = [];
      await loaded(el, 3);
      const seen: string[] = [];
      el.addEventListener('chain-offer-select', (e) => seen.push(e.detail.offerId));
      q<HTMLInputElement>(el, '[part~="search"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(cards(el)[0]);
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(cards(el)[2]);
      await sendKeys({ press: 'Space' });
      expect(seen).to.deep.equal([COAT.id, SOCKS.id]);
    });
  });

  describe('hidden sample cards', () => {
    it('are inert: never focused, never in the accessibility tree, never selectable', async () => {
      const el = await fixture<ChainCatalog>(html`<chain-catalog locale="en"></chain-catalog>`);
      el.offers = FIXTURE_CATALOG.offers;
      await loaded(el, 3);
      const probes = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.probe')];
      expect(probes).to.have.length(2);
      const seen: string[] = [];
      el.addEventListener('chain-offer-select', (e) => seen.push(e.detail.offerId));
      for (const probe of probes) {
        expect(probe.inert).to.equal(true);
        expect(probe.getAttribute('aria-hidden')).to.equal('true');
        const button = probe.querySelector<HTMLButtonElement>('[part~="card"]')!;
        button.focus();
        expect(el.shadowRoot!.activeElement).to.not.equal(button);
        button.click();
      }
      expect(seen).to.deep.equal([]);
    });
  });

  describe('layout and locale', () => {
    it('lays cards out in columns in the grid and one per row in the list', async () => {
      const el = await fixture<ChainCatalog>(
        html`<div style="width: 800px"><chain-catalog locale="en"></chain-catalog></div>`,
      ).then((wrapper) => wrapper.querySelector('chain-catalog')!);
      el.offers = FIXTURE_CATALOG.offers;
      await loaded(el, 3);
      const [a, b] = cards(el).map((c) => c.getBoundingClientRect());
      expect(a!.top).to.equal(b!.top);
      el.layout = 'list';
      const tops = (): number[] => cards(el).map((card) => card.getBoundingClientRect().top);
      await waitUntil(() => tops().length === 3 && tops()[1]! > tops()[0]!, 'one card per row');
      const [c, d] = cards(el).map((card) => card.getBoundingClientRect());
      expect(c!.width).to.equal(d!.width);
      expect(c!.width).to.be.greaterThan(700);
      expect(el.getAttribute('layout')).to.equal('list');
      await expect(el).to.be.accessible();
    });

    it('sizes its columns and gaps from its custom properties, in px, rem, em or calc()', async () => {
      for (const [minWidth, gap] of [
        ['15rem', '1em'],
        ['calc(10rem + 80px)', '20px'],
      ]) {
        const el = await fixture<ChainCatalog>(
          html`<div style="width: 800px">
            <chain-catalog
              locale="en"
              style="font-size: 20px; --chain-catalog-card-min-width: ${minWidth}; --chain-catalog-gap: ${gap}"
            ></chain-catalog>
          </div>`,
        ).then((wrapper) => wrapper.querySelector('chain-catalog')!);
        el.offers = FIXTURE_CATALOG.offers;
        await loaded(el, 3);
        // 240px at least, 20px apart: three columns of (800 - 2 × 20) / 3 px.
        const [a, b, c] = cards(el).map((card) => card.getBoundingClientRect());
        expect([b!.top, c!.top]).to.deep.equal([a!.top, a!.top]);
        expect(a!.width).to.equal(253);
        expect(b!.left - a!.right).to.equal(20);
      }
    });

    it('takes its client, locale and currency from an enclosing <chain-store>', async () => {
      const store = await fixture<HTMLElement>(
        html`<chain-store api=${MOCK_API} key=${MOCK_KEY} locale="zh-CN" currency="CNY">
          <chain-catalog></chain-catalog>
        </chain-store>`,
      );
      const el = store.querySelector('chain-catalog')!;
      await loaded(el, 3);
      await waitUntil(() => text(q(el, 'label[for="search"]')) === '搜索商品', 'zh-CN text');
      expect(titles(el)[0]).to.equal('羊毛混纺双排扣大衣');
      expect(text(cards(el)[0]!.querySelector('[part~="price"]'))).to.equal('¥128.00–¥168.00');
      expect(offerRequests()).to.have.length(1);
    });

    it('switches titles, numbers and its own text between en and zh-CN at run time', async () => {
      const el = await networkCatalog({ locale: 'en' });
      await loaded(el, 3);
      expect(titles(el)[0]).to.equal('Wool-blend double-breasted coat');
      el.locale = 'zh-CN';
      await waitUntil(() => text(q(el, 'label[for="search"]')) === '搜索商品', 'zh-CN text');
      await el.updateComplete;
      expect(titles(el)).to.deep.equal([
        '羊毛混纺双排扣大衣',
        '麻花针织毛线帽',
        '美利奴羊毛中筒袜（6 双装）',
      ]);
      const socks = cards(el)[2]!;
      expect(text(socks.querySelector('[part~="rules"]'))).to.equal('起批 12 双 · 6 双/箱');
      expect(text(cards(el)[0]!.querySelector('[part~="ladder"]'))).to.equal(
        '10–49 件 ¥158.00 · 50–199 ¥142.00 · 200–5,000 ¥128.00',
      );
      expect(text(q(el, '[part~="category"] option'))).to.equal('全部类目');
      await expect(el).to.be.accessible();
      el.locale = 'en';
      await waitUntil(() => text(q(el, 'label[for="search"]')) === 'Search offers', 'en text');
      expect(titles(el)[0]).to.equal('Wool-blend double-breasted coat');
    });
  });
});
