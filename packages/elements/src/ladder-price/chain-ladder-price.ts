import { tierTable, type Offer, type Quote, type Sku, type TierRow } from '@chainkit/core';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { tierRange } from '../catalog/ladder-summary.js';
import { unitLabel } from '../catalog/unit-label.js';
import { StoreController } from '../internal/api-controller.js';
import type { ChainApiClient } from '../internal/api-client-types.js';
import { isChainApiError } from '../internal/api-error.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { PlacementController } from '../internal/placement-controller.js';
import { focusRing } from '../internal/theme.js';
import { formats } from '../order-form/format.js';
import { visuallyHidden } from '../internal/shared-styles.js';
import styles from './chain-ladder-price.styles.js';
import { currentRowIndex, pricedSku, quoteOne, stepperRules, type LadderQuote } from './ladder-quote.js';
import {
  priceableBounds,
  quantityBounds,
  snapQuantity,
  stepBy,
  type QuantityBounds,
} from './quantity-steps.js';

/** `chain-quantity-change` detail. */
export interface QuantityChangeDetail {
  readonly offerId: string;
  /** The SKU priced (the `sku` attribute, or the offer's representative SKU). */
  readonly skuId: string;
  readonly quantity: number;
  /** Core's quote of that quantity: unit price, total, savings, next tier. */
  readonly quote: Quote;
}

declare module '../internal/events.js' {
  interface ChainEventMap {
    'chain-quantity-change': QuantityChangeDetail;
  }
}

type Status = 'waiting' | 'loading' | 'ready' | 'error';

/**
 * @summary The price ladder of one offer with a quantity stepper, the live unit price and total,
 * the "add N more" nudge and the savings: `<chain-ladder-price offer="coat" quantity="60">`.
 *
 * @description Loads the offer named by `offer` from the order server, or shows `offerData`
 * (an `Offer`) with no network. Prices come from core's `quote()` on a one-offer catalog — the
 * same code the server prices orders with — so what the buyer sees is what they will pay.
 *
 * - The tier table marks the tier the quantity falls in with `aria-current` and a visible
 *   "current" label, not by colour alone.
 * - The stepper offers only quantities the rules accept: multiples of the step from the MOQ up to
 *   the cap. Typed values snap to the nearest valid one when committed (Enter or leaving the
 *   field); − is disabled at the MOQ and + at the cap. In the field, ↑/↓ step, PageUp/PageDown move
 *   ten steps, Home/End go to the MOQ/cap.
 * - The unit price and total sit in a polite live region.
 * - For a mixed-batch offer (scope `offer`, 混批), a button opens a popover explaining that every
 *   colour and size counts towards one total. Escape closes it.
 *
 * - The savings and nudge lines keep their place when empty, so stepping through the tiers never
 *   moves what is below; while the offer loads, a skeleton of a three-tier ladder reserves the space.
 *
 * With `sku`, prices that SKU (its own ladder and rules, when it has them); otherwise the offer's
 * ladder (its first SKU without a ladder or rules of its own).
 *
 * @csspart base - The wrapper of everything.
 * @csspart table - The tier `<table>`.
 * @csspart tier - A row of the tier table.
 * @csspart tier-current - The row of the current tier (together with `tier`).
 * @csspart current-label - The "current" label in the current row.
 * @csspart stepper - The group of −, the quantity field and +.
 * @csspart decrement - The − button.
 * @csspart input - The quantity `<input type="number">`.
 * @csspart increment - The + button.
 * @csspart rules - The MOQ, step and cap under the stepper.
 * @csspart summary - The live region with the unit price and total.
 * @csspart unit-price - The unit price.
 * @csspart total - The total.
 * @csspart savings - The savings line (empty at the first tier).
 * @csspart nudge - The "add N more" line (empty at the cheapest tier).
 * @csspart nudge-button - The button that adds the nudged quantity.
 * @csspart mixed-batch-button - The button that opens the mixed-batch explanation.
 * @csspart popover - The mixed-batch explanation.
 * @csspart error - The message when the offer could not be loaded.
 * @csspart retry - The Retry button.
 * @csspart skeleton - The placeholder while the offer loads.
 *
 * @cssprop --chain-ladder-current-background - Background of the current tier's row. Default: a tint of `--chain-color-primary`.
 * @cssprop --chain-ladder-total-color - Colour of the total. Default `--chain-color-primary`.
 *
 * @fires change - The buyer changed the quantity (stepper, field or nudge). `event.target.quantity` is the new value.
 * @fires chain-quantity-change - Same moment as `change`. Detail: `{ offerId, skuId, quantity, quote }`.
 */
export class ChainLadderPrice extends ChainElement {
  static override styles = [hostStyles, focusRing, styles, visuallyHidden];

  static override properties = {
    api: {},
    key: {},
    locale: {},
    currency: {},
    offer: {},
    offerData: { attribute: false },
    quantity: { type: Number },
    sku: {},
  };

  /** Base URL of the order server, when the element is used outside a `<chain-store>`. */
  declare api: string | undefined;
  /** Publishable key, when the element is used outside a `<chain-store>`. */
  declare key: string | undefined;
  /** BCP 47 locale for numbers and money. Default: the store's, else the page's `lang`. */
  declare locale: string | undefined;
  /** ISO 4217 currency of the prices. Default: the store's, else `CNY`. */
  declare currency: string | undefined;
  /** The id of the offer to load. Ignored while `offerData` is set. */
  declare offer: string | undefined;
  /** The offer itself: shown with no network request. */
  declare offerData: Offer | undefined;
  /**
   * The quantity priced. Snapped to the nearest quantity the offer's rules accept once the offer
   * is known; the MOQ when unset.
   */
  declare quantity: number | undefined;
  /** A SKU id to price instead of the offer's own ladder. */
  declare sku: string | undefined;

  /** The API client, locale and currency, from the enclosing `<chain-store>` or the element's own attributes. */
  readonly store: StoreController = new StoreController(this);

  /**
   * The mixed-batch (混批) explanation: a `popover="auto"` in the top layer, placed under its
   * button by CSS anchor positioning, or by floating-ui (loaded on first open) in older browsers.
   */
  readonly #help: PlacementController = new PlacementController(this, {
    anchor: () => this.renderRoot.querySelector('#mixed-batch-toggle'),
    floating: () => this.renderRoot.querySelector<HTMLElement>('#mixed-batch'),
  });
  #status: Status = 'waiting';
  #error: unknown;
  #loadedOffer: Offer | undefined;
  #loadedFor: string | undefined;
  #client: ChainApiClient | undefined;
  #abort: AbortController | undefined;
  /** Derived in willUpdate for the render. */
  #view:
    | {
        offer: Offer;
        sku: Sku;
        /** What the stepper offers: the rules' bounds, capped at the largest quantity quote can price. */
        bounds: QuantityBounds;
        /** The rules' own cap, as the buyer is told it. */
        cap: number | null;
        rows: TierRow[];
        priced: LadderQuote;
      }
    | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The offer shown: `offerData`, or the one loaded for `offer`. */
  get offerShown(): Offer | undefined {
    return this.offerData ?? this.#loadedOffer;
  }

  /** The current quote (unit price, total, savings, next tier), once the offer is known. */
  get quote(): Quote | undefined {
    return this.#view?.priced.quote;
  }

  /** Loads the offer again (after an error). */
  reload(): void {
    this.#loadedFor = undefined;
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back after a removal that cut the load short: load again (see disconnectedCallback).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    if (this.#status === 'loading') this.#loadedFor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Shown from the property: forget any load, so removing the property loads `offer` again.
    const given = this.offerData !== undefined;
    const client = given ? undefined : this.store.client;
    const id = given ? undefined : this.offer?.trim() || undefined;
    if (given || client !== this.#client || id !== this.#loadedFor) {
      this.#client = client;
      this.#loadedFor = id;
      this.#abort?.abort();
      this.#loadedOffer = this.#error = undefined;
      this.#status = given ? 'ready' : 'waiting';
      if (client && id !== undefined) {
        this.#status = 'loading';
        const abort = (this.#abort = new AbortController());
        const done = (status: Status, offer?: Offer, error?: unknown): void => {
          if (abort.signal.aborted) return;
          this.#status = status;
          this.#loadedOffer = offer;
          this.#error = error;
          this.requestUpdate();
        };
        client.getOffer(id, { signal: abort.signal }).then(
          (offer) => done('ready', offer),
          (error: unknown) => done('error', undefined, error),
        );
      }
    }
    const offer = this.offerShown;
    const sku = offer && pricedSku(offer, this.sku);
    this.#view = undefined;
    if (!offer || !sku) return;
    const rules = quantityBounds(stepperRules(offer, sku));
    const rows = tierTable(offer, sku);
    // The first tier's price is the highest (a validated ladder never rises).
    const bounds = priceableBounds(rules, rows[0]?.unitPrice);
    // Snapping inside willUpdate changes the property without another update.
    const quantity = (this.quantity = snapQuantity(this.quantity ?? bounds.min, bounds));
    this.#view = {
      offer,
      sku,
      bounds,
      cap: rules.max,
      rows,
      priced: quoteOne(offer, sku, quantity, this.#currency()),
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A button that just got disabled under the keyboard would drop focus to <body>.
    if ((this.shadowRoot?.activeElement as HTMLButtonElement | null)?.disabled) {
      this.renderRoot.querySelector('input')?.focus();
    }
  }

  #currency(): string {
    return this.store.currency ?? 'CNY';
  }

  protected override render(): TemplateResult {
    const view = this.#view;
    if (this.#status === 'error' || (!view && this.#status === 'ready' && this.offerShown && this.sku)) {
      return html`<div part="base error" class="base message" role="alert">
        <p>${this.#errorText()}</p>
        ${
          this.#status === 'error'
            ? html`<button part="retry" class="action" type="button" @click=${this.reload}>
                ${msg('Retry', { id: 'catalog.retry' })}
              </button>`
            : nothing
        }
      </div>`;
    }
    if (!view) return this.#renderSkeleton();
    const { offer, bounds, cap, rows, priced } = view;
    const f = formats(this.store.locale, this.#currency());
    const unit = unitLabel(offer.unit);
    const quantity = this.quantity ?? bounds.min;
    const current = currentRowIndex(rows, quantity);
    const heading = msg(str`Quantity (${unit})`, { id: 'ladder.quantityHeading' });
    const rules = [msg(str`MOQ ${f.count(bounds.min)} ${unit}`, { id: 'ladder.moq' })];
    if (bounds.step > 1) rules.push(msg(str`in steps of ${f.count(bounds.step)}`, { id: 'ladder.step' }));
    if (cap !== null) rules.push(msg(str`at most ${f.count(cap)}`, { id: 'ladder.max' }));
    const quoted = priced.offer;
    const next = quoted?.nextTier;
    // − and + read the quantity at the click, not the one rendered: two clicks before a re-render
    // make two steps. Each is disabled where it would not move (the MOQ, the cap).
    const step = (up: boolean): TemplateResult =>
      html`<button
        part=${up ? 'increment' : 'decrement'}
        class="step"
        type="button"
        aria-label=${
          up
            ? msg('Increase quantity', { id: 'ladder.increase' })
            : msg('Decrease quantity', { id: 'ladder.decrease' })
        }
        aria-controls="quantity"
        ?disabled=${stepBy(quantity, up ? 1 : -1, bounds) === quantity}
        @click=${() => this.#commit(stepBy(this.quantity ?? bounds.min, up ? 1 : -1, bounds))}
      >
        ${up ? '+' : '−'}
      </button>`;
    return html`<div part="base" class="base">
      <table part="table">
        <caption class="visually-hidden">
          ${msg('Price per quantity', { id: 'ladder.caption' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${heading}</th>
            <th scope="col">${msg('Unit price', { id: 'ladder.unitPriceHeading' })}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row, i) =>
              html`<tr
                part=${i === current ? 'tier tier-current' : 'tier'}
                aria-current=${i === current ? 'true' : nothing}
              >
                <td>
                  ${tierRange(row, f.count)}
                  ${
                    i === current
                      ? html`<span part="current-label" class="current-label"
                          >${msg('current', { id: 'ladder.current' })}</span
                        >`
                      : nothing
                  }
                </td>
                <td>${f.money(row.unitPrice)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="quantity">
        <label for="quantity">${heading}</label>
        <div part="stepper" class="stepper">
          ${step(false)}
          <input
            part="input"
            id="quantity"
            type="number"
            inputmode="numeric"
            aria-describedby="rules"
            min=${bounds.min}
            max=${bounds.max ?? nothing}
            step=${bounds.step}
            .value=${live(String(quantity))}
            @keydown=${this.#onKeydown}
            @change=${this.#onInputChange}
          />
          ${step(true)}
        </div>
        <p part="rules" id="rules" class="rules">${rules.join(' · ')}</p>
      </div>
      <div part="summary" class="summary" role="status" aria-live="polite" aria-atomic="true">
        <span part="unit-price"
          >${msg(str`Unit price ${f.money(priced.line?.unitPrice ?? 0)}`, { id: 'ladder.unitPrice' })}</span
        >
        <span part="total" class="total"
          >${msg(str`Total ${f.money(quoted?.subtotal ?? 0)}`, { id: 'ladder.total' })}</span
        >
      </div>
      <p part="savings" class="savings">
        ${
          quoted && quoted.savings > 0
            ? msg(str`You save ${f.money(quoted.savings)} against the first tier`, { id: 'ladder.savings' })
            : nothing
        }
      </p>
      <p part="nudge" class="nudge">
        ${
          next
            ? html`<span
                  >${msg(
                    str`Add ${f.count(next.addQuantity)} more ${unit} to pay ${f.money(next.unitPrice)} each`,
                    { id: 'ladder.nudge' },
                  )}</span
                >
                <button
                  part="nudge-button"
                  class="action"
                  type="button"
                  @click=${() => this.#commit((this.quantity ?? 0) + next.addQuantity)}
                >
                  ${msg(str`Add ${f.count(next.addQuantity)}`, { id: 'ladder.nudgeAdd' })}
                </button>`
            : nothing
        }
      </p>
      ${
        offer.pricing.scope === 'offer'
          ? html`<button
                id="mixed-batch-toggle"
                part="mixed-batch-button"
                class="info"
                type="button"
                aria-expanded=${this.#help.open ? 'true' : 'false'}
                aria-controls="mixed-batch"
                @click=${() => void this.#help.toggle()}
              >
                ${msg('Mixed batch: how is the tier picked?', { id: 'ladder.mixedBatchButton' })}
              </button>
              <div id="mixed-batch" part="popover" popover="auto">
                <strong>${msg('Mixed batch (混批)', { id: 'ladder.mixedBatchTitle' })}</strong>
                <p>
                  ${msg(
                    'Every colour and size of this offer counts towards one total: it picks the price tier of all of them, and the minimum order applies to it, not to each SKU.',
                    { id: 'ladder.mixedBatchText' },
                  )}
                </p>
              </div>`
          : nothing
      }
    </div>`;
  }

  /**
   * Stands in while the offer loads, with the shape of a three-tier mixed-batch ladder: a table of
   * the same rows, the stepper, the total, the savings and nudge lines (always there once loaded,
   * empty or not, so stepping through the tiers never moves what is below) and the mixed-batch
   * button.
   */
  #renderSkeleton(): TemplateResult {
    const row = html`<tr>
      <td><span class="line"></span></td>
      <td><span class="line short"></span></td>
    </tr>`;
    return html`<div part="base skeleton" class="base" aria-busy="true">
      <p class="visually-hidden">${msg('Loading prices…', { id: 'ladder.loading' })}</p>
      <table aria-hidden="true">
        <thead>
          <tr>
            <th><span class="line"></span></th>
            <th><span class="line short"></span></th>
          </tr>
        </thead>
        <tbody>
          ${row}${row}${row}
        </tbody>
      </table>
      <div class="quantity" aria-hidden="true">
        <span class="line label"></span>
        <span class="line stepper-box"></span>
        <span class="line rules-line"></span>
      </div>
      <div class="summary" aria-hidden="true"><span class="line total-line"></span></div>
      <p class="savings" aria-hidden="true"></p>
      <p class="nudge" aria-hidden="true"></p>
      <span class="line info-line" aria-hidden="true"></span>
    </div>`;
  }

  /** The error's text; without an error, that of a `sku` the offer does not have. */
  #errorText(): string {
    const error = this.#error;
    return this.#status !== 'error'
      ? msg(str`This offer has no SKU ${this.sku}.`, { id: 'ladder.unknownSku' })
      : isChainApiError(error, 'not_found')
        ? msg('This offer is not available.', { id: 'ladder.notFound' })
        : isChainApiError(error, 'network_error')
          ? // The catalog's words and translation: one copy on a shop page.
            msg('Could not reach the store. Check your connection and try again.', {
              id: 'catalog.networkError',
            })
          : msg('The prices could not be loaded.', { id: 'ladder.loadError' });
  }

  /** ↑/↓ step, PageUp/PageDown move ten steps, Home/End go to the MOQ/cap, Enter commits. */
  #onKeydown = (event: KeyboardEvent): void => {
    const bounds = this.#view?.bounds;
    if (!bounds) return;
    const current = snapQuantity(this.#typed(event), bounds);
    const next = {
      ArrowUp: stepBy(current, 1, bounds),
      ArrowDown: stepBy(current, -1, bounds),
      PageUp: stepBy(current, 10, bounds),
      PageDown: stepBy(current, -10, bounds),
      Home: bounds.min,
      End: bounds.max ?? undefined,
      Enter: current,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#commit(next);
  };

  #onInputChange = (event: Event): void => {
    this.#commit(this.#typed(event));
  };

  /**
   * The number in the quantity field (a number input's value is a valid number or empty); when
   * empty, the current quantity (unset: NaN, which snaps to the minimum).
   */
  #typed(event: Event): number {
    const { value } = event.target as HTMLInputElement;
    return value === '' ? (this.quantity ?? Number.NaN) : Number(value);
  }

  /** Sets the quantity from a buyer's action and tells the page. */
  #commit(value: number): void {
    const view = this.#view;
    if (!view) return;
    const quantity = snapQuantity(value, view.bounds);
    // Re-render even when the value did not change, so a typed "61" snaps back to "60" on screen.
    this.requestUpdate();
    if (quantity === this.quantity) return;
    this.quantity = quantity;
    const priced = quoteOne(view.offer, view.sku, quantity, this.#currency());
    // Current at once for the next click, before the re-render.
    this.#view = { ...view, priced };
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.emit('chain-quantity-change', {
      offerId: view.offer.id,
      skuId: view.sku.id,
      quantity,
      quote: priced.quote,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chain-ladder-price': ChainLadderPrice;
  }
}
