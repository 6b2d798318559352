import { tierTable, type Offer, type Quote, type Sku, type TierRow } from '@chainkit/core';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { unitLabel } from '../catalog/unit-label.js';
import { StoreController } from '../internal/api-controller.js';
import type { ChainApiClient } from '../internal/api-client-types.js';
import { isChainApiError } from '../internal/api-error.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { PlacementController } from '../internal/placement-controller.js';
import { focusRing } from '../internal/theme.js';
import { formats, type Formats } from '../order-form/format.js';
import { visuallyHidden } from '../internal/shared-styles.js';
import styles from './chain-ladder-price.styles.js';
import { currentRowIndex, pricedSku, quoteOne, stepperRules, type LadderQuote } from './ladder-quote.js';
import {
  MIXED_BATCH_POPOVER_ID,
  MIXED_BATCH_TOGGLE_ID,
  renderMixedBatchHelp,
} from './mixed-batch-popover.js';
import {
  canStepDown,
  canStepUp,
  quantityBounds,
  snapQuantity,
  stepDown,
  stepUp,
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

/** PageUp / PageDown move this many steps. */
const PAGE_STEPS = 10;

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
    api: { type: String },
    key: { type: String },
    locale: { type: String },
    currency: { type: String },
    offer: { type: String },
    offerData: { attribute: false },
    quantity: { type: Number },
    sku: { type: String },
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
  readonly store: StoreController;

  readonly #help: PlacementController;
  #status: Status = 'waiting';
  #error: unknown;
  #loadedOffer: Offer | undefined;
  #loadedFor: string | undefined;
  #client: ChainApiClient | undefined;
  #abort: AbortController | undefined;
  /** Derived in willUpdate for the render. */
  #view: { offer: Offer; sku: Sku; bounds: QuantityBounds; rows: TierRow[]; priced: LadderQuote } | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.store = new StoreController(this);
    this.#help = new PlacementController(this, {
      anchor: () => this.renderRoot.querySelector(`#${MIXED_BATCH_TOGGLE_ID}`),
      floating: () => this.renderRoot.querySelector<HTMLElement>(`#${MIXED_BATCH_POPOVER_ID}`),
      placement: 'bottom-start',
    });
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.#status === 'loading') this.#loadedFor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.offerData === undefined) this.#maybeLoad();
    else {
      // Shown from the property; forget any load, so removing the property loads `offer` again.
      this.#abort?.abort();
      this.#abort = undefined;
      this.#client = undefined;
      this.#loadedFor = undefined;
      this.#loadedOffer = undefined;
      this.#status = 'ready';
    }
    const offer = this.offerShown;
    const sku = offer ? pricedSku(offer, this.sku) : undefined;
    if (!offer || !sku) {
      this.#view = undefined;
      return;
    }
    const bounds = quantityBounds(stepperRules(offer, sku));
    const quantity = snapQuantity(this.quantity ?? bounds.min, bounds);
    // Snapping inside willUpdate changes the property without another update.
    if (quantity !== this.quantity) this.quantity = quantity;
    this.#view = {
      offer,
      sku,
      bounds,
      rows: tierTable(offer, sku),
      priced: quoteOne(offer, sku, quantity, this.#currency()),
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A button that just got disabled under the keyboard would drop focus to <body>.
    const active = this.shadowRoot?.activeElement;
    if (active instanceof HTMLButtonElement && active.disabled) this.#input()?.focus();
  }

  #maybeLoad(): void {
    const client = this.store.client;
    const id = this.offer?.trim() || undefined;
    if (client === this.#client && id === this.#loadedFor) return;
    this.#client = client;
    this.#loadedFor = id;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#loadedOffer = undefined;
    this.#error = undefined;
    if (!client || id === undefined) {
      this.#status = 'waiting';
      return;
    }
    this.#status = 'loading';
    const abort = new AbortController();
    this.#abort = abort;
    client.getOffer(id, { signal: abort.signal }).then(
      (offer) => {
        if (abort.signal.aborted) return;
        this.#loadedOffer = offer;
        this.#status = 'ready';
        this.#abort = undefined;
        this.requestUpdate();
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.#error = error;
        this.#status = 'error';
        this.#abort = undefined;
        this.requestUpdate();
      },
    );
  }

  #currency(): string {
    return this.store.currency ?? 'CNY';
  }

  #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#quantity');
  }

  protected override render(): TemplateResult {
    if (this.#status === 'error') {
      return html`<div part="base error" class="base message" role="alert">
        <p>${this.#errorText()}</p>
        <button part="retry" class="action" type="button" @click=${this.reload}>
          ${msg('Retry', { id: 'catalog.retry' })}
        </button>
      </div>`;
    }
    const view = this.#view;
    if (!view) {
      if (this.#status === 'ready' && this.offerShown && this.sku) {
        return html`<div part="base error" class="base message" role="alert">
          <p>${msg(str`This offer has no SKU ${this.sku}.`, { id: 'ladder.unknownSku' })}</p>
        </div>`;
      }
      return this.#renderSkeleton();
    }
    const f = formats(this.store.locale, this.#currency());
    const unit = unitLabel(view.offer.unit);
    return html`<div part="base" class="base">
      ${this.#renderTable(view.rows, f, unit)} ${this.#renderStepper(view.bounds, f, unit)}
      ${this.#renderSummary(view.offer, view.priced, f, unit)}
    </div>`;
  }

  #renderTable(rows: readonly TierRow[], f: Formats, unit: string): TemplateResult {
    const current = currentRowIndex(rows, this.quantity ?? 0);
    return html`<table part="table">
      <caption class="visually-hidden">
        ${msg('Price per quantity', { id: 'ladder.caption' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg(str`Quantity (${unit})`, { id: 'ladder.quantityHeading' })}</th>
          <th scope="col">${msg('Unit price', { id: 'ladder.unitPriceHeading' })}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row, i) => {
          const isCurrent = i === current;
          return html`<tr
            part=${isCurrent ? 'tier tier-current' : 'tier'}
            class=${isCurrent ? 'current' : ''}
            aria-current=${isCurrent ? 'true' : nothing}
          >
            <td>
              ${range(row, f.count)}
              ${
                isCurrent
                  ? html`<span part="current-label" class="current-label"
                      >${msg('current', { id: 'ladder.current' })}</span
                    >`
                  : nothing
              }
            </td>
            <td>${f.money(row.unitPrice)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #renderStepper(bounds: QuantityBounds, f: Formats, unit: string): TemplateResult {
    const quantity = this.quantity ?? bounds.min;
    const rules = [msg(str`MOQ ${f.count(bounds.min)} ${unit}`, { id: 'ladder.moq' })];
    if (bounds.step > 1) {
      rules.push(msg(str`in steps of ${f.count(bounds.step)}`, { id: 'ladder.step' }));
    }
    if (bounds.max !== null) {
      rules.push(msg(str`at most ${f.count(bounds.max)}`, { id: 'ladder.max' }));
    }
    return html`<div class="quantity">
      <label for="quantity">${msg(str`Quantity (${unit})`, { id: 'ladder.quantityHeading' })}</label>
      <div part="stepper" class="stepper">
        <button
          part="decrement"
          class="step"
          type="button"
          aria-label=${msg('Decrease quantity', { id: 'ladder.decrease' })}
          aria-controls="quantity"
          ?disabled=${!canStepDown(quantity, bounds)}
          @click=${() => this.#step(stepDown)}
        >
          −
        </button>
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
        <button
          part="increment"
          class="step"
          type="button"
          aria-label=${msg('Increase quantity', { id: 'ladder.increase' })}
          aria-controls="quantity"
          ?disabled=${!canStepUp(quantity, bounds)}
          @click=${() => this.#step(stepUp)}
        >
          +
        </button>
      </div>
      <p part="rules" id="rules" class="rules">${rules.join(' · ')}</p>
    </div>`;
  }

  #renderSummary(offer: Offer, priced: LadderQuote, f: Formats, unit: string): TemplateResult {
    const line = priced.line;
    const quoted = priced.offer;
    const next = quoted?.nextTier ?? null;
    return html`
      <div part="summary" class="summary" role="status" aria-live="polite" aria-atomic="true">
        <span part="unit-price" class="unit-price"
          >${msg(str`Unit price ${f.money(line?.unitPrice ?? 0)}`, { id: 'ladder.unitPrice' })}</span
        >
        <span part="total" class="total"
          >${msg(str`Total ${f.money(quoted?.subtotal ?? 0)}`, { id: 'ladder.total' })}</span
        >
      </div>
      <p part="savings" class="savings">
        ${
          quoted && quoted.savings > 0
            ? msg(str`You save ${f.money(quoted.savings)} against the first tier`, {
                id: 'ladder.savings',
              })
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
                <button part="nudge-button" class="action" type="button" @click=${this.#onNudge}>
                  ${msg(str`Add ${f.count(next.addQuantity)}`, { id: 'ladder.nudgeAdd' })}
                </button>`
            : nothing
        }
      </p>
      ${
        offer.pricing.scope === 'offer'
          ? renderMixedBatchHelp(this.#help.open, () => void this.#help.toggle())
          : nothing
      }
    `;
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
    return html`<div part="base skeleton" class="base skeleton" aria-busy="true">
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

  #errorText(): string {
    if (isChainApiError(this.#error, 'not_found')) {
      return msg('This offer is not available.', { id: 'ladder.notFound' });
    }
    if (isChainApiError(this.#error, 'network_error')) {
      // The catalog's words and translation: one copy on a shop page.
      return msg('Could not reach the store. Check your connection and try again.', {
        id: 'catalog.networkError',
      });
    }
    return msg('The prices could not be loaded.', { id: 'ladder.loadError' });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const bounds = this.#view?.bounds;
    if (!bounds) return;
    const input = event.target as HTMLInputElement;
    const current = snapQuantity(
      input.value === '' ? (this.quantity ?? bounds.min) : Number(input.value),
      bounds,
    );
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowUp':
        next = stepUp(current, bounds);
        break;
      case 'ArrowDown':
        next = stepDown(current, bounds);
        break;
      case 'PageUp':
        next = snapQuantity(current + PAGE_STEPS * bounds.step, bounds);
        break;
      case 'PageDown':
        next = snapQuantity(current - PAGE_STEPS * bounds.step, bounds);
        break;
      case 'Home':
        next = bounds.min;
        break;
      case 'End':
        if (bounds.max !== null) next = bounds.max;
        break;
      case 'Enter':
        next = current;
        break;
      default:
        return;
    }
    if (next === undefined) return;
    event.preventDefault();
    this.#commit(next);
  };

  #onNudge = (): void => {
    const next = this.#view?.priced.offer?.nextTier;
    if (next) this.#commit((this.quantity ?? 0) + next.addQuantity);
  };

  // − and + read the quantity now, not the one rendered: two clicks before a re-render must make
  // two steps.
  #step(move: typeof stepUp): void {
    const bounds = this.#view?.bounds;
    if (bounds) this.#commit(move(this.quantity ?? bounds.min, bounds));
  }

  #onInputChange = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.#commit(value.trim() === '' ? Number.NaN : Number(value));
  };

  /** Sets the quantity from a buyer's action and tells the page. */
  #commit(value: number): void {
    const view = this.#view;
    if (!view) return;
    const quantity = snapQuantity(
      Number.isFinite(value) ? value : (this.quantity ?? view.bounds.min),
      view.bounds,
    );
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

/** A tier's quantities: `10–49`, `50`, `≥200`. */
function range(row: TierRow, count: (n: number) => string): string {
  const from = count(row.minQuantity);
  if (row.maxQuantity === null) return `≥${from}`;
  if (row.maxQuantity === row.minQuantity) return from;
  return `${from}–${count(row.maxQuantity)}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'chain-ladder-price': ChainLadderPrice;
  }
}
