import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChainCart, ChainOrderForm, CartStore, setChainLocale } from '../src/index.js';
import '../src/define.js';
import { PlacementController } from '../src/internal/placement-controller.js';
import { sharedClient } from '../src/internal/shared-client.js';
import { http, HttpResponse } from 'msw';
import { COAT, FACTORIES, HAT, MOCK_API, MOCK_KEY, useMockApi, worker } from './mocks/setup.js';

const api = useMockApi();

/** `waitUntil` with room for a loaded machine (the default gives up after 1 s). */
function until(predicate: () => unknown, message: string, options: { timeout?: number } = {}): Promise<void> {
  return waitUntil(predicate, message, { timeout: 5000, ...options });
}

let keyCounter = 0;

function q<T extends Element = HTMLElement>(el: ChainCart, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

function all(el: ChainCart, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** A cart with its own storage key, so tests never share lines. */
async function cart(storageKey = `chainkit:test-cart-${(keyCounter += 1)}`): Promise<ChainCart> {
  const el = await fixture<ChainCart>(
    html`<chain-cart api=${MOCK_API} key=${MOCK_KEY} locale="en" storage-key=${storageKey}></chain-cart>`,
  );
  await el.updateComplete;
  return el;
}

/** A cart whose checkout goes to an order form on the same page. */
async function checkoutPage(): Promise<{ el: ChainCart; form: ChainOrderForm }> {
  const page = await fixture<HTMLDivElement>(
    html`<div>
      <chain-cart
        api=${MOCK_API}
        key=${MOCK_KEY}
        locale="en"
        storage-key=${`chainkit:test-cart-checkout-${(keyCounter += 1)}`}
        checkout-target="order"
      ></chain-cart>
      <chain-order-form id="order" api=${MOCK_API} key=${MOCK_KEY} locale="en"></chain-order-form>
    </div>`,
  );
  return { el: page.querySelector('chain-cart')!, form: page.querySelector<ChainOrderForm>('#order')! };
}

/** Types a buyer's details into the order form a checkout opened. */
function fillBuyer(form: ChainOrderForm): void {
  const details = {
    'buyer.name': 'Li Wei',
    'buyer.phone': '+86 138 0000 0000',
    'shipTo.city': 'Hangzhou',
    'shipTo.line1': '1 West Lake Rd',
  };
  for (const [name, value] of Object.entries(details)) {
    const input = form.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

async function priced(el: ChainCart): Promise<void> {
  await until(() => q(el, '[part~="subtotal"]') !== null && q(el, '[role="status"]') === null, 'prices');
  await el.updateComplete;
}

function toggle(el: ChainCart): HTMLButtonElement {
  return q<HTMLButtonElement>(el, '[part~="toggle"]')!;
}

function panel(el: ChainCart): HTMLElement {
  return q<HTMLElement>(el, '[part~="panel"]')!;
}

async function commit(el: ChainCart, input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<chain-cart>', () => {
  afterEach(async () => {
    await setChainLocale('en');
  });

  it("names each line by the offer's attribute labels in the cart's locale", async () => {
    const coat = {
      ...COAT,
      attributeLabels: {
        color: { values: { Black: { 'zh-CN': '黑色', en: 'Black' }, Camel: { 'zh-CN': '驼色' } } },
      },
    };
    const el = await fixture<ChainCart>(
      html`<chain-cart
        .offers=${[coat]}
        locale="zh-CN"
        storage-key="chainkit:test-cart-labels"
      ></chain-cart>`,
    );
    try {
      el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 30 });
      el.addLine({ offerId: 'coat', skuId: 'coat-camel-l', quantity: 30 });
      await priced(el);
      const labels = () => all(el, '[part~="line"]').map((line) => text(line.querySelector('.line-label')));
      expect(labels()).to.deep.equal(['黑色 / M', '驼色 / L']);
      el.locale = 'en';
      await el.updateComplete;
      expect(labels()).to.deep.equal(['Black / M', '驼色 / L']);
    } finally {
      el.clear();
      await setChainLocale('en');
    }
  });

  it('adds lines by method and by a chain-cart-add event, prices each offer and counts the items', async () => {
    const el = await cart();
    expect(text(q(el, '[part~="count"]'))).to.equal('0');
    const changed = oneEvent(el, 'chain-cart-change');
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 30 });
    expect((await changed).detail.count).to.equal(30);
    document.body.dispatchEvent(
      new CustomEvent('chain-cart-add', {
        detail: { offerId: 'coat', skuId: 'coat-camel-l', quantity: 30 },
        bubbles: true,
        composed: true,
      }),
    );
    el.addLine({ offerId: 'socks', skuId: 'socks-white', quantity: 7 });
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 5 });
    await priced(el);
    expect(text(q(el, '[part~="count"]'))).to.equal('72');
    expect(text(toggle(el))).to.equal('Cart 72 items');
    const offers = all(el, '[part~="offer"]');
    expect(offers.map((o) => text(o.querySelector('h3')))).to.deep.equal([
      'Wool-blend double-breasted coat',
      'Merino crew socks (box of 6 pairs)',
    ]);
    // 65 coats as one mixed batch: the 50+ tier for every colour and size.
    expect(text(offers[0]!.querySelector('[part~="tier"]'))).to.contain(
      '65 items together at CN¥142.00 each',
    );
    expect(text(offers[0]!.querySelector('[part~="tier"]'))).to.contain('Add 135 more to pay CN¥128.00 each');
    expect(all(el, '[part~="line"]').map((line) => text(line.querySelector('.line-label')))).to.deep.equal([
      'Black / M',
      'Camel / L',
      'White',
    ]);
    // Socks: 7 is not a multiple of the box of 6, and below the MOQ of 12.
    expect(text(offers[1]!.querySelector('[part~="line-error"]'))).to.equal('Order in multiples of 6');
    expect(text(offers[1]!.querySelector('[part~="offer-errors"]'))).to.equal(
      'Minimum order is 12 in total; you have 7',
    );
    expect(text(q(el, '[part~="subtotal"]'))).to.equal('CN¥9,261.50');
    expect(() => el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 1.5 })).to.throw(TypeError);
  });

  it('refuses a line it cannot take with a RangeError, and an event of one with a warning, not an uncaught throw', async () => {
    const el = await cart();
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: Number.MAX_SAFE_INTEGER - 1 });
    expect(() => el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 2 })).to.throw(
      RangeError,
      /cannot take 2 more of coat-black-m/,
    );
    const warnings: string[] = [];
    const warn = console.warn;
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent): void => {
      uncaught.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      el.dispatchEvent(
        new CustomEvent('chain-cart-add', {
          detail: { offerId: 'coat', skuId: 'coat-black-m', quantity: 2 },
          bubbles: true,
          composed: true,
        }),
      );
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(uncaught).to.deep.equal([]);
    expect(warnings.join('\n')).to.contain('cannot take 2 more of coat-black-m');
    expect(el.count).to.equal(Number.MAX_SAFE_INTEGER - 1);
  });

  it('prices with the offers of the new server when api changes', async () => {
    const other = 'https://other.chainkit.test';
    const dearer = {
      ...HAT,
      pricing: {
        ...HAT.pricing,
        tiers: HAT.pricing.tiers.map((t) => ({ ...t, unitPrice: t.unitPrice + 500 })),
      },
    };
    worker.use(
      http.get(`${other}/v1/offers/hat`, () =>
        HttpResponse.json({ currency: 'CNY', offer: dearer, factories: FACTORIES }),
      ),
    );
    sharedClient(MOCK_API, MOCK_KEY)?.clearCache();
    api.setLatency(100);
    const el = await cart();
    el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    await el.updateComplete;
    // Changed while the first server's answer is on its way, and once more after it arrived.
    el.api = other;
    await el.updateComplete;
    await priced(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    expect(text(q(el, '[part~="line-total"]'))).to.equal('CN¥100.00');
    el.api = MOCK_API;
    await el.updateComplete;
    await priced(el);
    expect(text(q(el, '[part~="line-total"]'))).to.equal('CN¥75.00');
    el.api = other;
    await el.updateComplete;
    await priced(el);
    expect(text(q(el, '[part~="line-total"]'))).to.equal('CN¥100.00');
  });

  it('names one unit price for a mixed batch only when its lines share it', async () => {
    const el = await cart();
    // Camel XL has a ladder of its own: at 60 together it costs 152.00, black M 142.00.
    el.addLine({ offerId: 'coat', skuId: 'coat-camel-xl', quantity: 30 });
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 30 });
    await priced(el);
    expect(all(el, '[part~="line-total"]').map(text)).to.deep.equal(['CN¥4,560.00', 'CN¥4,260.00']);
    const tier = text(q(el, '[part~="tier"]'));
    expect(tier).to.not.contain('at CN¥152.00 each');
    expect(tier).to.contain('60 items');
  });

  it('edits and removes lines; 0 removes, text that is not a number is flagged', async () => {
    const el = await cart();
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 30 });
    el.addLine({ offerId: 'coat', skuId: 'coat-black-l', quantity: 20 });
    await priced(el);
    const inputs = () => all(el, '[part~="quantity"]') as HTMLInputElement[];
    await commit(el, inputs()[0]!, '60');
    expect(el.lines.map((l) => l.quantity)).to.deep.equal([60, 20]);
    expect(text(q(el, '[part~="subtotal"]'))).to.equal('CN¥11,360.00');
    await commit(el, inputs()[1]!, 'abc');
    expect(inputs()[1]!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(q(el, '[part~="line-error"]'))).to.equal('Enter a whole number');
    expect(el.lines.map((l) => l.quantity)).to.deep.equal([60, 20]);
    await commit(el, inputs()[1]!, '0');
    expect(el.lines.map((l) => l.skuId)).to.deep.equal(['coat-black-m']);
    q<HTMLButtonElement>(el, '[part~="remove"]')!.click();
    await el.updateComplete;
    expect(el.lines).to.deep.equal([]);
    expect(text(q(el, '[part~="empty"]'))).to.equal('Your cart is empty.');
    expect(q(el, '[part~="remove"]')).to.equal(null);
  });

  it('keeps offer, SKU and quantity only in localStorage, and reads them back on the next page', async () => {
    const storageKey = `chainkit:test-cart-persist-${Date.now()}`;
    const first = await cart(storageKey);
    first.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    first.addLine({ offerId: 'socks', skuId: 'socks-black', quantity: 12 });
    const stored = JSON.parse(localStorage.getItem(storageKey)!) as { v: number; lines: object[] };
    expect(stored).to.deep.equal({
      v: 1,
      lines: [
        { offerId: 'hat', skuId: 'hat-red', quantity: 5 },
        { offerId: 'socks', skuId: 'socks-black', quantity: 12 },
      ],
    });
    expect(new CartStore(storageKey).lines).to.deep.equal(stored.lines);
    first.remove();

    // Another tab (or the next page) changed the stored lines: a cart connected now shows them.
    localStorage.setItem(
      storageKey,
      JSON.stringify({ v: 1, lines: [{ offerId: 'hat', skuId: 'hat-grey', quantity: 8, buyer: 'Li Wei' }] }),
    );
    const second = await cart(storageKey);
    await priced(second);
    expect(second.lines).to.deep.equal([{ offerId: 'hat', skuId: 'hat-grey', quantity: 8 }]);
    expect(text(q(second, '[part~="count"]'))).to.equal('8');
  });

  it('says an offer could not be loaded (with Retry) rather than "no longer sold" when the server is down', async () => {
    sharedClient(MOCK_API, MOCK_KEY)?.clearCache();
    api.fail({ path: '/v1/offers/hat', status: 503, times: 4 });
    const el = await cart();
    el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    el.addLine({ offerId: 'gone', skuId: 'gone-1', quantity: 5 });
    await el.updateComplete;
    await until(() => q(el, '[part~="offer"] [role="status"]') === null, 'the hat settled', {
      timeout: 15000,
    });
    await el.updateComplete;
    const [hat, gone] = all(el, '[part~="offer"]');
    // A 503 says nothing about the hat being sold: it is not priced, and the buyer can retry.
    expect(text(hat!.querySelector('[part~="line-error"]'))).to.equal('');
    expect(text(hat!.querySelector('[role="alert"]'))).to.contain('The prices could not be loaded.');
    expect(q<HTMLButtonElement>(el, '[part~="checkout"]')!.disabled).to.equal(true);
    // An offer the server does not have is no longer sold.
    expect(text(gone!.querySelector('[part~="line-error"]'))).to.equal('This item is no longer sold');
    q<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await until(() => q(el, '[part~="retry"]') === null && q(el, '[role="status"]') === null, 'the hat');
    await el.updateComplete;
    expect(text(all(el, '[part~="offer"]')[0]!.querySelector('h3'))).to.equal('Cable-knit beanie');
    expect(text(all(el, '[part~="line-total"]')[0])).to.equal('CN¥75.00');
    expect(q<HTMLButtonElement>(el, '[part~="checkout"]')!.disabled).to.equal(false);
  });

  it('keeps the lines of this page when the storage refuses to write or read them', async () => {
    // Quota exceeded: the lines cannot be written, so they live in this page only. Moving the
    // cart (a reconnect) or another cart connecting must not read the stale storage over them.
    const el = await cart();
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(el.lines).to.deep.equal([{ offerId: 'hat', skuId: 'hat-red', quantity: 5 }]);
      expect(text(q(el, '[part~="count"]'))).to.equal('5');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    // Storage that cannot be read at all (disabled by the browser): a storage event or a reload
    // keeps what the page holds.
    const store = new CartStore('chainkit:test-cart-unreadable', {
      getItem() {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem() {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem() {},
    } as unknown as Storage);
    store.add({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    store.reload();
    expect(store.lines).to.deep.equal([{ offerId: 'hat', skuId: 'hat-red', quantity: 5 }]);
  });

  it('follows the lines another tab stores, and another tab clearing the storage', async () => {
    const el = await cart();
    el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    await el.updateComplete;
    // What the browser does in this tab when another tab writes or clears the storage.
    localStorage.setItem(
      el.storageKey,
      JSON.stringify({ v: 1, lines: [{ offerId: 'hat', skuId: 'hat-grey', quantity: 8 }] }),
    );
    dispatchEvent(new StorageEvent('storage', { key: el.storageKey }));
    expect(el.lines).to.deep.equal([{ offerId: 'hat', skuId: 'hat-grey', quantity: 8 }]);
    await el.updateComplete;
    expect(text(q(el, '[part~="count"]'))).to.equal('8');
    // A change under another key is not this cart's.
    localStorage.setItem(
      el.storageKey,
      JSON.stringify({ v: 1, lines: [{ offerId: 'hat', skuId: 'hat-grey', quantity: 9 }] }),
    );
    dispatchEvent(new StorageEvent('storage', { key: 'another-key' }));
    expect(el.count).to.equal(8);
    localStorage.removeItem(el.storageKey);
    dispatchEvent(new StorageEvent('storage', { key: null }));
    expect(el.lines).to.deep.equal([]);
    await el.updateComplete;
    expect(text(q(el, '[part~="count"]'))).to.equal('0');
  });

  it('opens from the keyboard, closes on Escape and gives the focus back to the toggle', async () => {
    const el = await cart();
    el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    await priced(el);
    const button = toggle(el);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal(panel(el).id);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.open, 'the panel to open');
    await el.updateComplete;
    expect(panel(el).matches(':popover-open')).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('cart-title');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('close');
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open, 'the panel to close');
    await el.updateComplete;
    expect(panel(el).matches(':popover-open')).to.equal(false);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    // The close button closes it too.
    await sendKeys({ press: 'Space' });
    await until(() => el.open, 'the panel to open again');
    q<HTMLButtonElement>(el, '[part~="close"]')!.click();
    await until(() => !el.open, 'the panel to close again');
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('keeps the focus in the panel when the line it was on is removed', async () => {
    const el = await cart();
    el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    el.addLine({ offerId: 'hat', skuId: 'hat-grey', quantity: 5 });
    el.addLine({ offerId: 'socks', skuId: 'socks-white', quantity: 12 });
    await priced(el);
    await el.show();
    await el.updateComplete;
    const inPanel = () => el.open && panel(el).contains(el.shadowRoot!.activeElement);
    all(el, '[part~="remove"]')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.lines).to.have.length(2);
    expect(inPanel()).to.equal(true);
    // 0 typed in the socks' field and committed with Enter: the socks (and the field) go.
    const socks = all(el, '[part~="quantity"]')[1] as HTMLInputElement;
    socks.focus();
    socks.select();
    await sendKeys({ type: '0' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.lines.map((line) => line.skuId)).to.deep.equal(['hat-grey']);
    expect(inPanel()).to.equal(true);
    // The last line's Remove button.
    all(el, '[part~="remove"]')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.lines).to.deep.equal([]);
    expect(inPanel()).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id).to.equal('cart-title');
  });

  // With CSS anchor positioning (this Chromium), then with floating-ui as older browsers place it.
  for (const native of [true, false]) {
    it(`opens the panel under the toggle, right edges aligned (${native ? 'anchor positioning' : 'floating-ui'})`, async () => {
      PlacementController.nativeAnchoring = native;
      try {
        const page = await fixture<HTMLDivElement>(
          html`<div style="display: flex; justify-content: flex-end; padding: 10px">
            <chain-cart
              api=${MOCK_API}
              key=${MOCK_KEY}
              locale="en"
              storage-key=${`chainkit:test-cart-${(keyCounter += 1)}`}
            ></chain-cart>
          </div>`,
        );
        const el = page.querySelector('chain-cart')!;
        el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
        await priced(el);
        toggle(el).click();
        await until(() => panel(el).dataset.placement, 'the panel to be placed');
        const anchor = toggle(el).getBoundingClientRect();
        const box = panel(el).getBoundingClientRect();
        expect(panel(el).dataset.placement).to.equal('bottom-end');
        expect(box.top).to.be.closeTo(anchor.bottom + 6, 1);
        expect(box.right).to.be.closeTo(anchor.right, 1);
        expect(box.left).to.be.at.least(7);
        el.hide();
      } finally {
        PlacementController.nativeAnchoring = undefined;
      }
    });
  }

  it('checks out into the order form named by checkout-target and forgets the lines once ordered', async () => {
    const { el, form } = await checkoutPage();
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 20 });
    el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    await priced(el);
    await el.show();
    const heard = oneEvent(el, 'chain-cart-checkout');
    q<HTMLButtonElement>(el, '[part~="checkout"]')!.click();
    const event = await heard;
    expect(event.detail.lines).to.deep.equal(el.lines);
    await until(() => form.shadowRoot!.querySelector('[data-sku="coat-black-m"]') !== null, 'the form');
    await until(
      () =>
        form.shadowRoot!.querySelector('[part~="other-items"]')?.textContent?.includes('Cable-knit beanie'),
      'the hat in the form',
    );
    expect(el.open).to.equal(false);
    expect(form.shadowRoot!.querySelector<HTMLInputElement>('[data-sku="coat-black-m"]')!.value).to.equal(
      '20',
    );
    expect(form.shadowRoot!.activeElement?.getAttribute('data-sku')).to.equal('coat-black-m');
    fillBuyer(form);
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    const placed = await oneEvent(form, 'chain-order-placed');
    expect(placed.detail.order.total).to.equal(20 * 15800 + 5 * 1500);
    const body = api.requests.find((r) => r.path === '/v1/orders')!.body as { lines: object[] };
    expect(body.lines).to.deep.equal([
      { skuId: 'coat-black-m', quantity: 20 },
      { skuId: 'hat-red', quantity: 5 },
    ]);
    await el.updateComplete;
    expect(el.lines).to.deep.equal([]);
  });

  it('forgets only the lines the order placed, not those the buyer cleared in the form', async () => {
    const { el, form } = await checkoutPage();
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 20 });
    el.addLine({ offerId: 'coat', skuId: 'coat-camel-l', quantity: 10 });
    await priced(el);
    el.checkout();
    await until(() => form.shadowRoot!.querySelector('[data-sku="coat-camel-l"]') !== null, 'the form');
    // The buyer orders the black coats only: the camel ones are cleared in the form.
    const camel = form.shadowRoot!.querySelector<HTMLInputElement>('[data-sku="coat-camel-l"]')!;
    camel.value = '';
    camel.dispatchEvent(new Event('input', { bubbles: true }));
    camel.dispatchEvent(new Event('change', { bubbles: true }));
    fillBuyer(form);
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await oneEvent(form, 'chain-order-placed');
    const body = api.requests.find((r) => r.path === '/v1/orders')!.body as { lines: object[] };
    expect(body.lines).to.deep.equal([{ skuId: 'coat-black-m', quantity: 20 }]);
    await el.updateComplete;
    expect(el.lines).to.deep.equal([{ offerId: 'coat', skuId: 'coat-camel-l', quantity: 10 }]);
  });

  it('does not hand the lines over when a listener cancels the checkout', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <chain-cart
          locale="en"
          storage-key="chainkit:test-cart-cancel"
          checkout-target="#order2"
        ></chain-cart>
        <chain-order-form id="order2" locale="en"></chain-order-form>
      </div>`,
    );
    const el = page.querySelector('chain-cart')!;
    const form = page.querySelector('chain-order-form')!;
    el.clear();
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 20 });
    await el.updateComplete;
    const veto = (event: Event) => event.preventDefault();
    el.addEventListener('chain-cart-checkout', veto);
    el.checkout();
    el.removeEventListener('chain-cart-checkout', veto);
    expect(form.lines).to.deep.equal([]);
    expect(form.offer).to.equal(undefined);
  });

  it('switches its text to Chinese at run time', async () => {
    const el = await cart();
    el.addLine({ offerId: 'hat', skuId: 'hat-red', quantity: 5 });
    await priced(el);
    el.locale = 'zh-CN';
    await until(() => text(q(el, '[part~="toggle-label"]')) === '进货单', 'Chinese text');
    expect(text(q(el, '[part~="offer"] h3'))).to.equal('麻花针织毛线帽');
    expect(text(q(el, '[part~="subtotal"]'))).to.equal('¥75.00');
  });

  it('is accessible closed, open with lines and violations, and open and empty', async () => {
    const el = await cart();
    await expect(el).to.be.accessible();
    el.addLine({ offerId: 'socks', skuId: 'socks-white', quantity: 7 });
    el.addLine({ offerId: 'coat', skuId: 'coat-black-m', quantity: 60 });
    await priced(el);
    await el.show();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.clear();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
