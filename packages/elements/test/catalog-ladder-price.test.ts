import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChainLadderPrice, type QuantityChangeDetail } from '../src/index.js';
import '../src/define.js';
import { PlacementController } from '../src/internal/placement-controller.js';
import { sharedClient } from '../src/internal/shared-client.js';
import { COAT, HAT, MOCK_API, MOCK_KEY, SOCKS, useMockApi } from './mocks/setup.js';

const api = useMockApi();

beforeEach(() => sharedClient(MOCK_API, MOCK_KEY)?.clearCache());

function q<T extends Element = HTMLElement>(el: ChainLadderPrice, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

function text(el: Element | null): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function rows(el: ChainLadderPrice): HTMLTableRowElement[] {
  // The tier table's rows (the skeleton's table has the same shape but no part).
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('[part~="table"] tbody tr')];
}

/** The index of the row marked current, checking that exactly one row is marked. */
function currentRow(el: ChainLadderPrice): number {
  const marked = rows(el).filter((row) => row.getAttribute('aria-current') === 'true');
  expect(marked.length).to.be.at.most(1);
  return marked[0] ? rows(el).indexOf(marked[0]) : -1;
}

const input = (el: ChainLadderPrice): HTMLInputElement => q<HTMLInputElement>(el, '[part~="input"]')!;
const minus = (el: ChainLadderPrice): HTMLButtonElement => q<HTMLButtonElement>(el, '[part~="decrement"]')!;
const plus = (el: ChainLadderPrice): HTMLButtonElement => q<HTMLButtonElement>(el, '[part~="increment"]')!;

async function local(offer = COAT, quantity?: number, sku?: string): Promise<ChainLadderPrice> {
  const el = await fixture<ChainLadderPrice>(
    html`<chain-ladder-price
      locale="en"
      .offerData=${offer}
      .quantity=${quantity}
      sku=${sku ?? ''}
    ></chain-ladder-price>`,
  );
  await el.updateComplete;
  return el;
}

/** Types `value` into the quantity field and commits it with Enter. */
async function type(el: ChainLadderPrice, value: string): Promise<void> {
  const field = input(el);
  field.focus();
  field.select();
  await sendKeys({ type: value });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<chain-ladder-price>', () => {
  it('is registered by the define entry as ChainLadderPrice', () => {
    expect(customElements.get('chain-ladder-price')).to.equal(ChainLadderPrice);
  });

  describe('loading from the server', () => {
    it('shows a skeleton while loading, then the offer by id with the quantity priced', async () => {
      api.setLatency(400);
      const el = await fixture<ChainLadderPrice>(
        html`<chain-ladder-price
          api=${MOCK_API}
          key=${MOCK_KEY}
          locale="en"
          offer="coat"
          quantity="60"
        ></chain-ladder-price>`,
      );
      expect(q(el, '[part~="skeleton"]')?.getAttribute('aria-busy')).to.equal('true');
      const reserved = el.getBoundingClientRect().height;
      await expect(el).to.be.accessible();
      await waitUntil(() => rows(el).length === 3, 'tier table');
      // The skeleton has the shape of a three-tier mixed-batch ladder, as the coat's is.
      expect(el.getBoundingClientRect().height).to.equal(reserved);
      expect(rows(el).map(text)).to.deep.equal([
        '10–49 CN¥158.00',
        '50–199 current CN¥142.00',
        '200–5,000 CN¥128.00',
      ]);
      expect(currentRow(el)).to.equal(1);
      expect(text(q(el, '[part~="unit-price"]'))).to.equal('Unit price CN¥142.00');
      expect(text(q(el, '[part~="total"]'))).to.equal('Total CN¥8,520.00');
      expect(api.requests.map((r) => r.path)).to.deep.equal(['/v1/offers/coat']);
      await expect(el).to.be.accessible();
    });

    it('loads again when moved in the page while the offer was loading', async () => {
      api.setLatency(200);
      const el = await fixture<ChainLadderPrice>(
        html`<chain-ladder-price
          api=${MOCK_API}
          key=${MOCK_KEY}
          locale="en"
          offer="coat"
        ></chain-ladder-price>`,
      );
      // Moved before the offer arrived: the removal aborted the load.
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitUntil(() => rows(el).length === 3, 'stuck on the skeleton after the move', { timeout: 3000 });
    });

    it('shows an error with Retry when the offer cannot be loaded', async () => {
      const el = await fixture<ChainLadderPrice>(
        html`<chain-ladder-price
          api=${MOCK_API}
          key=${MOCK_KEY}
          locale="en"
          offer="nope"
        ></chain-ladder-price>`,
      );
      await waitUntil(() => q(el, '[part~="error"]') !== null, 'error state');
      expect(q(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(text(q(el, '[part~="error"] p'))).to.equal('This offer is not available.');
      await expect(el).to.be.accessible();
      el.offer = 'socks';
      await waitUntil(() => rows(el).length === 2, 'socks ladder');
      api.fail({ path: '/v1/offers/hat', status: 500 });
      el.offer = 'hat';
      await waitUntil(() => q(el, '[part~="error"]') !== null, 'error state');
      expect(text(q(el, '[part~="error"] p'))).to.equal('The prices could not be loaded.');
      q<HTMLButtonElement>(el, '[part~="retry"]')!.click();
      await waitUntil(() => rows(el).length === 3, 'hat ladder after retry');
    });
  });

  describe('offerData, with no network', () => {
    it('prices the offer given as a property without any request', async () => {
      const el = await local(COAT, 60);
      expect(rows(el)).to.have.length(3);
      expect(text(q(el, '[part~="total"]'))).to.equal('Total CN¥8,520.00');
      expect(api.requests).to.have.length(0);
    });

    it('marks the tier at both sides of each edge, by aria-current and a visible label', async () => {
      const el = await local(COAT, 49);
      const seen: [number, number][] = [];
      for (const quantity of [10, 49, 50, 51, 199, 200, 201, 5000]) {
        el.quantity = quantity;
        await el.updateComplete;
        seen.push([quantity, currentRow(el)]);
        const row = rows(el)[currentRow(el)]!;
        expect(row.getAttribute('part')).to.equal('tier tier-current');
        expect(text(row.querySelector('[part~="current-label"]'))).to.equal('current');
      }
      expect(seen).to.deep.equal([
        [10, 0],
        [49, 0],
        [50, 1],
        [51, 1],
        [199, 1],
        [200, 2],
        [201, 2],
        [5000, 2],
      ]);
      expect(rows(el).filter((row) => row.querySelector('[part~="current-label"]'))).to.have.length(1);
    });

    it('starts at the MOQ, with − disabled there', async () => {
      const el = await local(COAT);
      expect(el.quantity).to.equal(10);
      expect(input(el).value).to.equal('10');
      expect(minus(el).disabled).to.equal(true);
      expect(plus(el).disabled).to.equal(false);
      plus(el).click();
      await el.updateComplete;
      expect(el.quantity).to.equal(11);
      expect(minus(el).disabled).to.equal(false);
    });

    it('keeps to the step and the MOQ: boxes of 6 from 12', async () => {
      const el = await local(SOCKS, 18);
      expect(input(el).min).to.equal('12');
      expect(input(el).step).to.equal('6');
      minus(el).click();
      await el.updateComplete;
      expect(el.quantity).to.equal(12);
      expect(minus(el).disabled).to.equal(true);
      plus(el).click();
      plus(el).click();
      await el.updateComplete;
      expect(el.quantity).to.equal(24);
      await type(el, '61');
      expect(el.quantity).to.equal(60);
      expect(input(el).value).to.equal('60');
      await type(el, '5');
      expect(el.quantity).to.equal(12);
      expect(text(q(el, '[part~="rules"]'))).to.equal('MOQ 12 pairs · in steps of 6');
    });

    it('keeps to the cap: + disabled at the max, larger values snap down', async () => {
      const el = await local(COAT, 4999);
      plus(el).click();
      await el.updateComplete;
      expect(el.quantity).to.equal(5000);
      expect(plus(el).disabled).to.equal(true);
      await type(el, '7000');
      expect(el.quantity).to.equal(5000);
      expect(input(el).value).to.equal('5000');
      expect(text(q(el, '[part~="rules"]'))).to.equal('MOQ 10 pcs · at most 5,000');
    });

    it('never offers a quantity too large to price: without a cap, typed values stop where the total is exact', async () => {
      // No cap on the socks: 450 × 99,999,999,999,996 is past Number.MAX_SAFE_INTEGER, which quote
      // refuses, so the ladder showed "Total CN¥0.00" for it (and told the page that quantity).
      const el = await local(SOCKS);
      await type(el, '99999999999999999');
      const largest = Math.floor(Number.MAX_SAFE_INTEGER / 450 / 6) * 6;
      expect(el.quantity).to.equal(largest);
      expect(el.quote!.lines).to.have.length(1);
      expect(el.quote!.subtotal).to.be.above(0);
      expect(Number.isSafeInteger(el.quote!.subtotal)).to.equal(true);
      expect(text(q(el, '[part~="total"]'))).to.not.equal('Total CN¥0.00');
      expect(plus(el).disabled).to.equal(true);
      // The rules still say there is no cap.
      expect(text(q(el, '[part~="rules"]'))).to.equal('MOQ 12 pairs · in steps of 6');
      el.quantity = 1e20;
      await el.updateComplete;
      expect(el.quantity).to.equal(largest);
    });

    it('snaps a quantity set from outside to a valid one', async () => {
      const el = await local(SOCKS, 40);
      expect(el.quantity).to.equal(42);
      el.quantity = 3;
      await el.updateComplete;
      expect(el.quantity).to.equal(12);
    });

    it('moves with the keyboard: arrows, PageUp/PageDown, Home/End, and the buttons', async () => {
      const el = await local(COAT, 20);
      input(el).focus();
      await sendKeys({ press: 'ArrowUp' });
      expect(el.quantity).to.equal(21);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(el.quantity).to.equal(19);
      await sendKeys({ press: 'PageUp' });
      expect(el.quantity).to.equal(29);
      await sendKeys({ press: 'End' });
      expect(el.quantity).to.equal(5000);
      await sendKeys({ press: 'Home' });
      expect(el.quantity).to.equal(10);
      await el.updateComplete;
      // Tab to +, press it with Enter and Space; Shift+Tab twice to −.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(plus(el));
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      expect(el.quantity).to.equal(12);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement).to.equal(minus(el));
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.quantity).to.equal(10);
      // − is now disabled; focus went to the field instead of being lost.
      expect(minus(el).disabled).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
    });

    it('fires change and chain-quantity-change with the quote when the buyer changes the quantity', async () => {
      const el = await local(COAT, 49);
      const changes: Event[] = [];
      el.addEventListener('change', (e) => changes.push(e));
      setTimeout(() => plus(el).click());
      const event = (await oneEvent(el, 'chain-quantity-change')) as CustomEvent<QuantityChangeDetail>;
      expect(event.detail.offerId).to.equal('coat');
      expect(event.detail.skuId).to.equal('coat-black-m');
      expect(event.detail.quantity).to.equal(50);
      expect(event.detail.quote.subtotal).to.equal(50 * 14200);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(changes).to.have.length(1);
      expect(changes[0]!.bubbles).to.equal(true);
      expect((changes[0]!.target as ChainLadderPrice).quantity).to.equal(50);
      // Setting the property from outside is not the buyer's change.
      el.quantity = 60;
      await el.updateComplete;
      expect(changes).to.have.length(1);
    });

    it('shows the live unit price and total in a polite live region', async () => {
      const el = await local(COAT, 45);
      const summary = q(el, '[part~="summary"]')!;
      expect(summary.getAttribute('role')).to.equal('status');
      expect(summary.getAttribute('aria-live')).to.equal('polite');
      expect(text(summary)).to.equal('Unit price CN¥158.00 Total CN¥7,110.00');
      await type(el, '200');
      expect(text(summary)).to.equal('Unit price CN¥128.00 Total CN¥25,600.00');
    });

    it('nudges towards the next tier and shows the savings', async () => {
      const el = await local(COAT, 45);
      expect(text(q(el, '[part~="nudge"] span'))).to.equal('Add 5 more pcs to pay CN¥142.00 each');
      expect(text(q(el, '[part~="savings"]'))).to.equal('');
      q<HTMLButtonElement>(el, '[part~="nudge-button"]')!.click();
      await el.updateComplete;
      expect(el.quantity).to.equal(50);
      expect(text(q(el, '[part~="savings"]'))).to.equal('You save CN¥800.00 against the first tier');
      expect(text(q(el, '[part~="nudge"] span'))).to.equal('Add 150 more pcs to pay CN¥128.00 each');
      const height = el.getBoundingClientRect().height;
      el.quantity = 300;
      await el.updateComplete;
      expect(text(q(el, '[part~="nudge"]'))).to.equal('');
      expect(q(el, '[part~="nudge-button"]')).to.equal(null);
      // The emptied nudge line keeps its place.
      expect(el.getBoundingClientRect().height).to.equal(height);
    });

    it('rounds the nudge up to whole boxes', async () => {
      const el = await local(SOCKS, 96);
      expect(text(q(el, '[part~="nudge"] span'))).to.equal('Add 24 more pairs to pay CN¥3.80 each');
    });

    it('prices one SKU with its own ladder when sku is set', async () => {
      const el = await local(COAT, 60, 'coat-camel-xl');
      expect(rows(el).map((row) => text(row.lastElementChild))).to.deep.equal([
        'CN¥168.00',
        'CN¥152.00',
        'CN¥138.00',
      ]);
      expect(text(q(el, '[part~="total"]'))).to.equal('Total CN¥9,120.00');
    });

    it('says so when the SKU is not part of the offer', async () => {
      const el = await local(COAT, 60, 'nope');
      expect(text(q(el, '[part~="error"]'))).to.equal('This offer has no SKU nope.');
    });
  });

  describe('mixed batch popover', () => {
    it('opens from the keyboard, closes with Escape and keeps focus on its button', async () => {
      const el = await local(COAT, 60);
      const button = q<HTMLButtonElement>(el, '[part~="mixed-batch-button"]')!;
      const popover = q(el, '[part~="popover"]')!;
      expect(popover.getAttribute('popover')).to.equal('auto');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => popover.matches(':popover-open'), 'popover open');
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(text(popover)).to.contain('Every colour and size of this offer counts towards one total');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !popover.matches(':popover-open'), 'popover closed');
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ press: 'Space' });
      await waitUntil(() => popover.matches(':popover-open'), 'popover open again');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => !popover.matches(':popover-open'), 'popover closed by its button');
    });

    // With CSS anchor positioning (this Chromium), then with floating-ui as older browsers place it.
    for (const native of [true, false]) {
      it(`opens under its button, left edges aligned (${native ? 'anchor positioning' : 'floating-ui'})`, async () => {
        PlacementController.nativeAnchoring = native;
        try {
          const el = await local(COAT, 60);
          const button = q<HTMLButtonElement>(el, '[part~="mixed-batch-button"]')!;
          const popover = q(el, '[part~="popover"]')!;
          button.click();
          await waitUntil(() => popover.dataset.placement, 'popover placed');
          const anchor = button.getBoundingClientRect();
          const box = popover.getBoundingClientRect();
          expect(popover.dataset.placement).to.equal('bottom-start');
          expect(box.top).to.be.closeTo(anchor.bottom + 6, 1);
          expect(box.left).to.be.closeTo(anchor.left, 1);
          // Its own width (up to 22rem), not squeezed to the room beside the button.
          expect(box.width).to.be.greaterThan(200);
          button.click();
          await waitUntil(() => !popover.matches(':popover-open'), 'popover closed');
        } finally {
          PlacementController.nativeAnchoring = undefined;
        }
      });
    }

    it('is offered only for mixed-batch offers', async () => {
      const el = await local(HAT);
      expect(q(el, '[part~="mixed-batch-button"]')).to.equal(null);
      expect(rows(el)).to.have.length(3);
    });
  });

  describe('locale', () => {
    it('switches its text and numbers between en and zh-CN at run time', async () => {
      const el = await local(COAT, 45);
      el.locale = 'zh-CN';
      await waitUntil(() => text(q(el, 'label[for="quantity"]')) === '数量（件）', 'zh-CN text');
      await el.updateComplete;
      expect(text(q(el, '[part~="summary"]'))).to.equal('单价 ¥158.00 合计 ¥7,110.00');
      expect(text(q(el, '[part~="nudge"] span'))).to.equal('再加 5 件，单价降至 ¥142.00');
      expect(text(q(el, '[part~="mixed-batch-button"]'))).to.equal('混批：价格档位怎么算？');
      expect(minus(el).getAttribute('aria-label')).to.equal('减少数量');
      await expect(el).to.be.accessible();
      el.locale = 'en';
      await waitUntil(() => text(q(el, 'label[for="quantity"]')) === 'Quantity (pcs)', 'en text');
      expect(text(q(el, '[part~="summary"]'))).to.equal('Unit price CN¥158.00 Total CN¥7,110.00');
    });
  });
});
