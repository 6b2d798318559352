import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Offer } from '@chainkit/core';
import { sendKeys } from '@web/test-runner-commands';
import { ChainOrderForm, setChainLocale } from '../src/index.js';
import '../src/define.js';
import { draftKey } from '../src/order-form/draft-storage.js';
import { COAT, MOCK_API, MOCK_KEY, useMockApi } from './mocks/setup.js';

const api = useMockApi();

/** `waitUntil` with room for a loaded machine (the default gives up after 1 s). */
function until(predicate: () => unknown, message: string, options: { timeout?: number } = {}): Promise<void> {
  return waitUntil(predicate, message, { timeout: 5000, ...options });
}

/** Red/Blue × S/M, mixed batch with a tier at 100 (the issue's 60 red + 50 blue example). */
const TEE: Offer = {
  id: 'tee',
  title: { en: 'Cotton tee', 'zh-CN': '纯棉T恤' },
  category: 'tops',
  unit: 'piece',
  pricing: {
    scope: 'offer',
    tiers: [
      { minQuantity: 2, unitPrice: 1200 },
      { minQuantity: 100, unitPrice: 1050 },
      { minQuantity: 1000, unitPrice: 980 },
    ],
  },
  rules: { moq: 2, step: 1 },
  skus: [
    { id: 'tee-red-s', attributes: { color: 'Red', size: 'S' } },
    { id: 'tee-red-m', attributes: { color: 'Red', size: 'M' } },
    { id: 'tee-blue-s', attributes: { color: 'Blue', size: 'S' } },
    { id: 'tee-blue-m', attributes: { color: 'Blue', size: 'M' } },
  ],
  sourcing: [{ factoryId: 'f-yiwu', priority: 1 }],
};

const BUYER = {
  'buyer.name': 'Li Wei',
  'buyer.phone': '+86 138 0000 0000',
  'shipTo.country': 'CN',
  'shipTo.region': 'CN-ZJ',
  'shipTo.city': 'Hangzhou',
  'shipTo.line1': '1 West Lake Rd',
};

function q<T extends Element = HTMLElement>(el: ChainOrderForm, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function cells(el: ChainOrderForm): HTMLInputElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="cell"]')];
}

function cell(el: ChainOrderForm, skuId: string): HTMLInputElement {
  const found = q<HTMLInputElement>(el, `[part~="cell"][data-sku="${skuId}"]`);
  if (!found) throw new Error(`no cell for ${skuId}`);
  return found;
}

/** The accessible name of a cell from its aria-labelledby headers. */
function cellName(el: ChainOrderForm, input: HTMLInputElement): string {
  return (input.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => text(el.shadowRoot!.getElementById(id)))
    .join(' ');
}

async function type(el: ChainOrderForm, input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function networkForm(offer = 'coat', locale = 'en'): Promise<ChainOrderForm> {
  const el = await fixture<ChainOrderForm>(
    html`<chain-order-form
      offer=${offer}
      api=${MOCK_API}
      key=${MOCK_KEY}
      locale=${locale}
    ></chain-order-form>`,
  );
  await ready(el);
  return el;
}

async function dataForm(offer: Offer): Promise<ChainOrderForm> {
  const el = await fixture<ChainOrderForm>(
    html`<chain-order-form .offerData=${offer} locale="en"></chain-order-form>`,
  );
  await ready(el);
  return el;
}

async function ready(el: ChainOrderForm): Promise<void> {
  await until(() => cells(el).length > 0, 'the matrix to render');
  await el.updateComplete;
}

async function fillBuyer(el: ChainOrderForm, values: Record<string, string> = BUYER): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const input = q<HTMLInputElement>(el, `[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await el.updateComplete;
}

function submitButton(el: ChainOrderForm): HTMLButtonElement {
  return q<HTMLButtonElement>(el, '[part~="submit"]')!;
}

function orderPosts() {
  return api.requests.filter((r) => r.method === 'POST' && r.path === '/v1/orders');
}

/** The coat form with 20 black M and the buyer's details, ready to submit. */
async function filledForm(): Promise<ChainOrderForm> {
  const el = await networkForm();
  await type(el, cell(el, 'coat-black-m'), '20');
  await fillBuyer(el);
  return el;
}

/** {@link filledForm} submitted after the store raised its prices: the price-changed prompt is up. */
async function priceChangedForm(): Promise<ChainOrderForm> {
  const el = await filledForm();
  api.raisePrices(100);
  submitButton(el).click();
  await until(() => q(el, '[part~="price-changed"]') !== null, 'the price-changed prompt');
  return el;
}

async function placed(el: ChainOrderForm): Promise<void> {
  await until(() => q(el, '[part~="confirmation"]') !== null, 'the confirmation', { timeout: 8000 });
}

describe('<chain-order-form>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await setChainLocale('en');
  });

  describe('matrix', () => {
    it("reads the offer's attribute labels in the form's locale, and values without one as written", async () => {
      const labelled: Offer = {
        ...TEE,
        attributeLabels: {
          color: { name: { 'zh-CN': '颜色', en: 'Colour' }, values: { Red: { 'zh-CN': '红色', en: 'Red' } } },
          size: { name: { 'zh-CN': '尺码', en: 'Size' }, values: { S: { 'zh-CN': '小码', en: 'Small' } } },
        },
      };
      const el = await fixture<ChainOrderForm>(
        html`<chain-order-form .offerData=${labelled} locale="zh-CN"></chain-order-form>`,
      );
      await ready(el);
      const heads = (role: string) => [...el.shadowRoot!.querySelectorAll(`[role="${role}"]`)].map(text);
      expect(heads('columnheader')).to.deep.equal(['颜色', '小码', 'M']);
      expect(heads('rowheader')).to.deep.equal(['红色', 'Blue']);
      expect(cellName(el, cell(el, 'tee-red-s'))).to.equal('红色 小码');
      await type(el, cell(el, 'tee-red-s'), '3');
      await type(el, cell(el, 'tee-blue-m'), '2');

      el.locale = 'en';
      await el.updateComplete;
      await el.updateComplete;
      expect(heads('columnheader')).to.deep.equal(['Colour', 'Small', 'M']);
      expect(heads('rowheader')).to.deep.equal(['Red', 'Blue']);
      // The SKUs are still the same: the quantities stay in their cells.
      expect(cell(el, 'tee-red-s').value).to.equal('3');
    });

    it('lays out colour × size from the SKU attributes, each cell labelled by its row and column', async () => {
      const el = await networkForm();
      const columns = [...el.shadowRoot!.querySelectorAll('[role="columnheader"]')].map(text);
      expect(columns).to.deep.equal(['Colour', 'M', 'L', 'XL']);
      const rows = [...el.shadowRoot!.querySelectorAll('[role="rowheader"]')].map(text);
      expect(rows).to.deep.equal(['Black', 'Camel']);
      expect(cells(el)).to.have.length(6);
      expect(cellName(el, cell(el, 'coat-camel-l'))).to.equal('Camel L');
      const grid = q(el, '[role="grid"]')!;
      expect(text(el.shadowRoot!.getElementById(grid.getAttribute('aria-labelledby')!))).to.equal(
        'Quantities by Colour (rows) and Size (columns)',
      );
    });

    it('shows a list with one quantity column when the SKUs have one attribute', async () => {
      const el = await networkForm('socks');
      const columns = [...el.shadowRoot!.querySelectorAll('[role="columnheader"]')].map(text);
      expect(columns).to.deep.equal(['Colour', 'Quantity']);
      expect(cells(el).map((input) => cellName(el, input))).to.deep.equal([
        'White Quantity',
        'Black Quantity',
        'Grey Quantity',
      ]);
    });

    it('makes rows of all attributes but the last when there are more than two, leaving missing combinations empty', async () => {
      const offer: Offer = {
        ...TEE,
        id: 'tee3',
        skus: [
          { id: 'a', attributes: { color: 'Red', fit: 'Slim', size: 'S' } },
          { id: 'b', attributes: { color: 'Red', fit: 'Slim', size: 'M' } },
          { id: 'c', attributes: { color: 'Red', fit: 'Loose', size: 'M' } },
        ],
      };
      const el = await dataForm(offer);
      const rows = [...el.shadowRoot!.querySelectorAll('[role="rowheader"]')].map(text);
      expect(rows).to.deep.equal(['Red / Slim', 'Red / Loose']);
      expect(text(el.shadowRoot!.querySelector('[role="columnheader"]'))).to.equal('Colour / fit');
      expect(cells(el)).to.have.length(3);
      expect(
        text(el.shadowRoot!.querySelectorAll('[role="row"]')[2]?.querySelector('[role="gridcell"]')),
      ).to.contain('Not available');
    });

    /** The SKU of the focused cell. */
    const at = (el: ChainOrderForm) =>
      (el.shadowRoot!.activeElement as HTMLInputElement | null)?.dataset['sku'];

    it('moves between cells with the arrow keys and Enter, staying put at the edges', async () => {
      const el = await networkForm();
      cell(el, 'coat-black-m').focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(at(el)).to.equal('coat-black-l');
      await sendKeys({ press: 'ArrowDown' });
      expect(at(el)).to.equal('coat-camel-l');
      await sendKeys({ press: 'ArrowUp' });
      expect(at(el)).to.equal('coat-black-l');
      await sendKeys({ press: 'Enter' });
      expect(at(el)).to.equal('coat-camel-l');
      await sendKeys({ press: 'Enter' });
      expect(at(el), 'Enter at the last row stays').to.equal('coat-camel-l');
    });

    it('goes to the ends of a row with Home/End and of the matrix with Ctrl+Home', async () => {
      const el = await networkForm();
      cell(el, 'coat-camel-l').focus();
      await sendKeys({ press: 'Home' });
      expect(at(el)).to.equal('coat-camel-m');
      await sendKeys({ press: 'End' });
      expect(at(el)).to.equal('coat-camel-xl');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ up: 'Control' });
      expect(at(el)).to.equal('coat-black-m');
    });

    it('leaves a cell sideways only from the edge of its text, and keeps one tab stop', async () => {
      const el = await networkForm();
      expect(cells(el).filter((input) => input.tabIndex === 0)).to.have.length(1);
      cell(el, 'coat-black-m').focus();
      await sendKeys({ type: '12' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(at(el)).to.equal('coat-black-m');
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(at(el)).to.equal('coat-black-l');
      // The tab stop followed the focus.
      expect(
        cells(el)
          .filter((input) => input.tabIndex === 0)
          .map((input) => input.dataset['sku']),
      ).to.deep.equal(['coat-black-l']);
    });
  });

  describe('pricing', () => {
    it('counts a mixed batch of 60 red and 50 blue towards the 100+ tier, updating the total as the buyer types', async () => {
      const el = await dataForm(TEE);
      const total = () => text(q(el, '[part~="total"]'));
      cell(el, 'tee-red-s').focus();
      await sendKeys({ type: '60' });
      await el.updateComplete;
      expect(total()).to.equal('CN¥720.00');
      expect(text(q(el, '[part~="unit-price"]'))).to.equal('CN¥12.00');
      expect(text(q(el, '[part~="nudge"]'))).to.equal('Add 40 more to pay CN¥10.50 each');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ type: '5' });
      await el.updateComplete;
      expect(total(), 'after typing 5').to.equal('CN¥780.00');
      await sendKeys({ type: '0' });
      await el.updateComplete;
      expect(text(q(el, '[part~="quantity"]'))).to.equal('110');
      expect(text(q(el, '[part~="unit-price"]'))).to.equal('CN¥10.50');
      expect(total()).to.equal('CN¥1,155.00');
      expect(text(q(el, '[part~="ladder"] [aria-current="true"]'))).to.equal('100–999 · CN¥10.50');
      expect(q(el, '[part~="totals"]')?.getAttribute('aria-live')).to.equal('polite');
      expect(JSON.parse(el.value)).to.deep.equal([
        { skuId: 'tee-red-s', quantity: 60 },
        { skuId: 'tee-blue-s', quantity: 50 },
      ]);
    });

    it('shows a broken batch step at the cell, in words, and the MOQ at the offer', async () => {
      const el = await networkForm('socks');
      const white = cell(el, 'socks-white');
      await type(el, white, '7');
      expect(white.getAttribute('aria-invalid')).to.equal('true');
      const note = el.shadowRoot!.getElementById(white.getAttribute('aria-describedby')!);
      expect(text(note)).to.equal('Order in multiples of 6');
      expect(text(q(el, '[part~="offer-errors"]'))).to.equal('Minimum order is 12 in total; you have 7');
      await type(el, white, '6');
      expect(white.hasAttribute('aria-invalid')).to.equal(false);
      expect(q(el, '.cell-error')).to.equal(null);
      await type(el, cell(el, 'socks-black'), '6');
      expect(text(q(el, '[part~="offer-errors"]'))).to.equal('');
      expect(text(q(el, '[part~="total"]'))).to.equal('CN¥54.00');
    });

    it('marks text that is not a whole number', async () => {
      const el = await networkForm('socks');
      const white = cell(el, 'socks-white');
      await type(el, white, '1.5');
      expect(text(el.shadowRoot!.getElementById(white.getAttribute('aria-describedby')!))).to.equal(
        'Enter a whole number',
      );
    });
  });

  describe('ordering', () => {
    it('names the field in each validation message and places nothing', async () => {
      const el = await networkForm();
      await type(el, cell(el, 'coat-black-m'), '20');
      await fillBuyer(el, { 'buyer.phone': '12' });
      submitButton(el).click();
      await el.updateComplete;
      const name = q<HTMLInputElement>(el, '[name="buyer.name"]')!;
      const phone = q<HTMLInputElement>(el, '[name="buyer.phone"]')!;
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(text(el.shadowRoot!.getElementById(name.getAttribute('aria-describedby')!))).to.equal(
        'Name is required',
      );
      expect(text(el.shadowRoot!.getElementById(phone.getAttribute('aria-describedby')!))).to.match(
        /^Phone must be/,
      );
      expect(text(el.shadowRoot!.getElementById(fieldIdOf('shipTo.city'))?.nextElementSibling)).to.equal(
        'City is required',
      );
      expect(text(q(el, '[part~="form-error"]'))).to.contain('Check');
      expect(el.shadowRoot!.activeElement).to.equal(name);
      expect(orderPosts()).to.have.length(0);
      // Fixing a field clears its message.
      await fillBuyer(el, { 'buyer.name': 'Li Wei' });
      expect(name.hasAttribute('aria-invalid')).to.equal(false);
    });

    it('places the order, shows the sub-orders, moves the focus there and fires chain-order-placed', async () => {
      const el = await networkForm();
      await type(el, cell(el, 'coat-black-m'), '30');
      await type(el, cell(el, 'coat-camel-l'), '30');
      await fillBuyer(el);
      await until(() => q(el, '[part~="routing"]') !== null, 'the routing preview');
      expect(text(q(el, '[part~="routing"]'))).to.contain('Yiwu Zhinuan Knitting: 60 units');
      const heard = oneEvent(el, 'chain-order-placed');
      submitButton(el).click();
      const event = await heard;
      await placed(el);
      const order = event.detail.order;
      expect(order.total).to.equal(60 * 14200);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(text(q(el, '[part~="order-number"]'))).to.equal(order.id);
      expect(text(q(el, '[part~="order-total"]'))).to.equal('CN¥8,520.00');
      const subOrders = [...el.shadowRoot!.querySelectorAll('[part~="factory-order"]')];
      expect(subOrders).to.have.length(order.factoryOrders.length);
      expect(text(subOrders[0])).to.contain('Yiwu Zhinuan Knitting');
      expect(text(subOrders[0])).to.contain('Black / M × 30');
      expect(text(subOrders[0])).to.contain('Estimated ship date');
      expect(el.shadowRoot!.activeElement?.id).to.equal('confirmation-title');
      const sent = orderPosts()[0]!;
      expect(sent.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
      expect(sent.body).to.deep.include({ expectedTotal: 60 * 14200 });
      expect(localStorage.getItem(draftKey('coat'))).to.equal(null);
    });

    it('retries a network failure with the same idempotency key', async () => {
      const el = await filledForm();
      api.fail({ method: 'POST', path: '/v1/orders', status: 'network', times: 2 });
      submitButton(el).click();
      await placed(el);
      const keys = orderPosts().map((r) => r.idempotencyKey);
      expect(keys).to.have.length(3);
      expect(new Set(keys).size).to.equal(1);
    });

    it('keeps the key when the buyer retries an unchanged order after the retries ran out', async () => {
      const el = await filledForm();
      api.fail({ method: 'POST', path: '/v1/orders', status: 503, times: 4, afterCommit: true });
      submitButton(el).click();
      await until(() => text(q(el, '[part~="form-error"]')) !== '', 'the error', { timeout: 8000 });
      expect(text(q(el, '[part~="form-error"]'))).to.contain('could not be reached');
      submitButton(el).click();
      await placed(el);
      const keys = orderPosts().map((r) => r.idempotencyKey);
      expect(keys).to.have.length(5);
      expect(new Set(keys).size).to.equal(1);
    });

    it('sends one order for ten rapid clicks', async () => {
      const el = await filledForm();
      api.setLatency(100);
      const button = submitButton(el);
      for (let i = 0; i < 10; i += 1) button.click();
      await el.updateComplete;
      expect(submitButton(el).disabled).to.equal(true);
      await placed(el);
      expect(orderPosts()).to.have.length(1);
    });

    it('asks before placing the order at a changed price, then places it with a new key', async () => {
      const el = await priceChangedForm();
      await el.updateComplete;
      expect(text(q(el, '[part~="new-total"]'))).to.equal('CN¥3,180.00');
      expect(el.shadowRoot!.activeElement?.id).to.equal('price-changed-title');
      expect(q(el, '[part~="submit"]')).to.equal(null);
      q<HTMLButtonElement>(el, '[part~="confirm-button"]')!.click();
      await placed(el);
      const posts = orderPosts();
      expect(posts).to.have.length(2);
      expect(posts[0]!.idempotencyKey).not.to.equal(posts[1]!.idempotencyKey);
      expect((posts[1]!.body as { expectedTotal: number }).expectedTotal).to.equal(20 * 15900);
      expect(text(q(el, '[part~="order-total"]'))).to.equal('CN¥3,180.00');
    });

    it('places a confirmed new price with the details the buyer corrected meanwhile', async () => {
      const el = await priceChangedForm();
      // The fields stay editable under the prompt: the buyer fixes a typo in the phone number.
      await fillBuyer(el, { 'buyer.phone': '+86 139 1111 2222' });
      q<HTMLButtonElement>(el, '[part~="confirm-button"]')!.click();
      await placed(el);
      const sent = orderPosts().at(-1)!.body as { buyer: { phone: string }; expectedTotal: number };
      expect(sent.buyer.phone).to.equal('+86 139 1111 2222');
      expect(sent.expectedTotal).to.equal(20 * 15900);
    });

    it('keeps the key and the confirmed total when the buyer retries a confirmed order that got no answer', async () => {
      const el = await priceChangedForm();
      // The confirmed order is stored, but every answer is lost.
      api.fail({ method: 'POST', path: '/v1/orders', status: 503, times: 4, afterCommit: true });
      q<HTMLButtonElement>(el, '[part~="confirm-button"]')!.click();
      await until(() => text(q(el, '[part~="form-error"]')).includes('could not be reached'), 'the error', {
        timeout: 8000,
      });
      submitButton(el).click();
      await placed(el);
      const confirmed = orderPosts().slice(1);
      expect(new Set(confirmed.map((r) => r.idempotencyKey)).size).to.equal(1);
      for (const post of confirmed)
        expect((post.body as { expectedTotal: number }).expectedTotal).to.equal(20 * 15900);
    });

    it('drops the price prompt of an offer the buyer left: confirming it would place lines no longer shown', async () => {
      const el = await priceChangedForm();
      // Back to the catalog's prices before the hat is fetched: the element's client is shared
      // and caches offers, and later tests price the hat.
      api.raisePrices(-100);
      el.offer = 'hat';
      await until(() => q(el, '[part~="cell"][data-sku="hat-red"]') !== null, 'the hat matrix');
      // Counts, not elements: a failing assertion on an element makes chai walk all of Lit's state.
      const count = (selector: string) => el.shadowRoot!.querySelectorAll(selector).length;
      expect(count('[part~="price-changed"]')).to.equal(0);
      expect(count('[part~="confirm-button"]')).to.equal(0);
      expect(count('[part~="submit"]')).to.equal(1);
      expect(orderPosts()).to.have.length(1);
    });

    it('drops a price prompt for quantities the buyer changed while the attempt was out', async () => {
      const el = await filledForm();
      api.raisePrices(100);
      api.setLatency(1000);
      submitButton(el).click();
      await until(() => orderPosts().length === 1, 'the order sent');
      await type(el, cell(el, 'coat-black-m'), '30');
      await until(() => !submitButton(el).disabled, 'the answer', { timeout: 8000 });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part~="price-changed"]').length).to.equal(0);
      // The next submit asks about the quantities shown.
      api.setLatency(0);
      submitButton(el).click();
      await until(() => q(el, '[part~="price-changed"]') !== null, 'the price-changed prompt');
      expect((orderPosts().at(-1)!.body as { lines: { quantity: number }[] }).lines[0]!.quantity).to.equal(
        30,
      );
    });

    it('clears the draft of the offer it ordered, not of the one open when the answer comes', async () => {
      const el = await filledForm();
      // The order's answer takes 1.5 s; then requests answer at once again.
      api.setLatency(1500);
      submitButton(el).click();
      await until(() => orderPosts().length === 1, 'the order sent');
      api.setLatency(0);
      // While the order is out, the buyer opens the hat and starts its order.
      el.offer = 'hat';
      await until(() => q(el, '[part~="cell"][data-sku="hat-red"]') !== null, 'the hat matrix');
      await type(el, cell(el, 'hat-red'), '12');
      expect(el.shadowRoot!.querySelectorAll('[part~="confirmation"]').length).to.equal(0);
      await placed(el);
      // The confirmation names the coat's lines from the coat, not the hat now open.
      expect(text(q(el, '[part~="confirmation"]'))).to.contain('Black');
      expect(localStorage.getItem(draftKey('coat'))).to.equal(null);
      await until(() => localStorage.getItem(draftKey('hat')) !== null, "the hat's draft saved");
      expect(JSON.parse(localStorage.getItem(draftKey('hat'))!)).to.deep.include({ q: { 'hat-red': 12 } });
    });

    it('goes back to the order when the buyer declines the new price', async () => {
      const el = await priceChangedForm();
      q<HTMLButtonElement>(el, '[part~="cancel-button"]')!.click();
      await el.updateComplete;
      expect(q(el, '[part~="price-changed"]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(submitButton(el));
      expect(orderPosts()).to.have.length(1);
    });
  });

  it('loads its offer again when moved in the page while it was loading', async () => {
    api.setLatency(200);
    // Its own client (the trailing slash): no offer cached by the tests before.
    const el = await fixture<ChainOrderForm>(
      html`<chain-order-form
        offer="coat"
        api=${`${MOCK_API}/`}
        key=${MOCK_KEY}
        locale="en"
      ></chain-order-form>`,
    );
    // Moved before the offer arrived: the removal aborted the load.
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await until(() => q(el, '[part~="cell"]') !== null, 'stuck loading after the move');
  });

  describe('draft', () => {
    it('keeps the quantities across a reload and never the buyer’s details', async () => {
      const first = await networkForm();
      await type(first, cell(first, 'coat-black-m'), '25');
      await type(first, cell(first, 'coat-camel-xl'), '15');
      await fillBuyer(first);
      first.remove();
      const stored = localStorage.getItem(draftKey('coat'))!;
      expect(JSON.parse(stored)).to.deep.equal({ v: 1, q: { 'coat-black-m': 25, 'coat-camel-xl': 15 } });
      const everything = Object.keys(localStorage)
        .map((key) => `${key}=${localStorage.getItem(key)}`)
        .join('\n');
      for (const value of Object.values(BUYER).filter((v) => v !== 'CN'))
        expect(everything).not.to.contain(value);

      const second = await networkForm();
      expect(cell(second, 'coat-black-m').value).to.equal('25');
      expect(cell(second, 'coat-camel-xl').value).to.equal('15');
      expect(text(q(second, '[part~="quantity"]'))).to.equal('40');
      expect(q<HTMLInputElement>(second, '[name="buyer.name"]')!.value).to.equal('');
    });

    it('starts from lines handed to it instead of the draft', async () => {
      localStorage.setItem(draftKey('coat'), JSON.stringify({ v: 1, q: { 'coat-black-m': 99 } }));
      const el = document.createElement('chain-order-form');
      el.setAttribute('api', MOCK_API);
      el.setAttribute('key', MOCK_KEY);
      el.lines = [
        { offerId: 'coat', skuId: 'coat-black-l', quantity: 12 },
        { offerId: 'hat', skuId: 'hat-red', quantity: 5 },
      ];
      const parent = await fixture<HTMLDivElement>(html`<div></div>`);
      parent.append(el);
      await ready(el);
      expect(el.offer).to.equal('coat');
      expect(cell(el, 'coat-black-l').value).to.equal('12');
      expect(cell(el, 'coat-black-m').value).to.equal('');
      await until(() => text(q(el, '[part~="other-items"]')).includes('Cable-knit beanie'), 'the hat');
      expect(text(q(el, '[part~="grand-total"]'))).to.equal('CN¥1,971.00');
      expect(el.lines).to.deep.equal([
        { offerId: 'coat', skuId: 'coat-black-l', quantity: 12 },
        { offerId: 'hat', skuId: 'hat-red', quantity: 5 },
      ]);
    });
  });

  describe('in a merchant’s form', () => {
    it('submits the lines as its value, blocks the form while quantities break a rule, and resets', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <chain-order-form name="lines" .offerData=${COAT} locale="en"></chain-order-form>
          <button>Send</button>
        </form>`,
      );
      const el = form.querySelector('chain-order-form')!;
      await ready(el);
      expect(el.form).to.equal(form);
      expect(q(el, '[part~="submit"]')).to.equal(null);
      expect(q(el, '[name="buyer.name"]')).to.equal(null);
      await type(el, cell(el, 'coat-black-m'), '5');
      expect(new FormData(form).get('lines')).to.equal('[{"skuId":"coat-black-m","quantity":5}]');
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.customError).to.equal(true);
      expect(el.validationMessage).to.equal('Minimum order is 10 in total; you have 5');
      await type(el, cell(el, 'coat-black-m'), '10');
      expect(form.checkValidity()).to.equal(true);
      form.reset();
      await el.updateComplete;
      expect(new FormData(form).get('lines')).to.equal('[]');
      expect(cell(el, 'coat-black-m').value).to.equal('');
      el.required = true;
      await type(el, cell(el, 'coat-black-m'), '');
      expect(el.validity.valueMissing).to.equal(true);
    });
    it('follows `required` set after the quantities, without waiting for the next keystroke', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><chain-order-form name="lines" .offerData=${COAT} locale="en"></chain-order-form></form>`,
      );
      const el = form.querySelector('chain-order-form')!;
      await ready(el);
      expect(form.checkValidity()).to.equal(true);
      el.required = true;
      await el.updateComplete;
      expect(el.validity.valueMissing).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      el.required = false;
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
    });
  });

  describe('states', () => {
    it('shows a loading state, then an error with a retry for an unknown offer', async () => {
      api.setLatency(300);
      const el = await fixture<ChainOrderForm>(
        html`<chain-order-form offer="nope" api=${MOCK_API} key=${MOCK_KEY} locale="en"></chain-order-form>`,
      );
      expect(text(q(el, '[part~="status"]'))).to.equal('Loading the offer…');
      await expect(el).to.be.accessible();
      await until(() => q(el, '[part~="error"]') !== null, 'the error');
      expect(text(q(el, '[part~="error"]'))).to.equal('This offer is not sold any more.');
      await expect(el).to.be.accessible();
    });

    it('switches its text to Chinese and back at run time', async () => {
      const el = await networkForm();
      await type(el, cell(el, 'coat-black-m'), '5');
      el.locale = 'zh-CN';
      await until(() => text(q(el, '[role="columnheader"]')) === '颜色', 'Chinese headers');
      expect(text(q(el, 'h2'))).to.equal('羊毛混纺双排扣大衣');
      expect(text(q(el, '[part~="offer-errors"]'))).to.equal('起批量为合计 10，当前共 5');
      expect(text(q(el, 'label[for="field-buyer-name"]'))).to.equal('姓名');
      el.locale = 'en';
      await until(() => text(q(el, '[role="columnheader"]')) === 'Colour', 'English headers');
      expect(text(q(el, '[part~="offer-errors"]'))).to.equal('Minimum order is 10 in total; you have 5');
    });

    it('is accessible filled, with errors, asking to confirm a price and confirmed', async () => {
      const el = await networkForm('socks');
      await type(el, cell(el, 'socks-white'), '7');
      await expect(el).to.be.accessible();
      submitButton(el).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await type(el, cell(el, 'socks-white'), '12');
      await fillBuyer(el);
      api.raisePrices(10);
      submitButton(el).click();
      await until(() => q(el, '[part~="price-changed"]') !== null, 'the prompt');
      await expect(el).to.be.accessible();
      q<HTMLButtonElement>(el, '[part~="confirm-button"]')!.click();
      await placed(el);
      await expect(el).to.be.accessible();
    });
  });
});

function fieldIdOf(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}
