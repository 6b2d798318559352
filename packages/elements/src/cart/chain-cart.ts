import { localize, type Catalog, type Offer } from '@chainkit/core';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { StoreController } from '../internal/api-controller.js';
import { isChainApiError } from '../internal/api-error.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { PlacementController } from '../internal/placement-controller.js';
import { formControls, visuallyHidden } from '../internal/shared-styles.js';
import { focusRing } from '../internal/theme.js';
import type { ChainOrderForm } from '../order-form/chain-order-form.js';
import { formats } from '../order-form/format.js';
import { priceLines, skuOf } from '../order-form/order-pricing.js';
import { linesByOffer, skuLabel } from '../order-form/other-items.js';
import { parseQuantity } from '../order-form/quantity-input.js';
import { violationText } from '../order-form/violation-text.js';
import {
  cartStore,
  DEFAULT_CART_KEY,
  isCartLine,
  MAX_LINES,
  type CartLine,
  type CartStore,
} from './cart-store.js';
import styles from './chain-cart.styles.js';

declare module '../internal/events.js' {
  interface ChainEventMap {
    /**
     * Asks the page's `<chain-cart>` to add a line. Dispatch it from anywhere (it must bubble to
     * `document`); the first cart that hears it adds the line.
     */
    'chain-cart-add': CartLine;
    /** `<chain-cart>` lines changed through it (added, edited, removed, cleared). */
    'chain-cart-change': { lines: readonly CartLine[]; count: number };
    /** The buyer chose to check out; cancel it to keep the lines from the `checkout-target`. */
    'chain-cart-checkout': { lines: readonly CartLine[] };
  }
}

/** Events already acted on, so two carts on one page add a line once. */
const handledAdds = new WeakSet<Event>();

const cartIcon = svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.8a1 1 0 0 0 1-.8L20 8H6.2M9 20h.01M17 20h.01"/></svg>`;

/**
 * @summary A cart of lines across several offers, priced with each offer's ladder, in a panel
 * opened by a toggle button; checks out into a `<chain-order-form>`.
 *
 * @description
 * **Adding lines.** Call `addLine({ offerId, skuId, quantity })`, or dispatch a `chain-cart-add`
 * event with that `detail` from anywhere on the page (it must bubble to `document`, e.g. a
 * "add to cart" button's `CustomEvent('chain-cart-add', { detail, bubbles: true, composed: true })`).
 * The cart listens on `document` while connected; when several carts are on the page the first
 * one to hear an event adds the line (carts with the same `storage-key` show the same lines).
 * Adding a SKU already in the cart adds to its quantity. A `preventDefault()`-ed event is ignored.
 *
 * **Pricing.** The offers are loaded through the API client (the enclosing `<chain-store>`'s or the
 * cart's own `api`/`key`), or taken from `offers`; each offer is priced with core `quote()`: a mixed
 * batch counts all its lines towards the tier. Its tier, the "add N more" nudge, violations (MOQ,
 * step, max) and subtotal are shown per offer, the subtotal of everything at the bottom. An offer
 * the server no longer has marks its lines "no longer sold"; one that could not be loaded (network,
 * server error) is left out of the subtotal with a Retry button, and checkout waits for it.
 *
 * **Panel.** The toggle shows the number of items and opens the panel in the popover top layer,
 * placed next to the toggle (so no `overflow` or `z-index` on the page clips it): by CSS anchor
 * positioning where the browser has it, else by floating-ui, fetched when the panel first opens.
 * Escape, a click outside or the close button closes it; focus then returns to the toggle.
 * Quantities are edited in place (committed on Enter or leaving the field; 0 removes the line).
 *
 * **Checkout.** The checkout button fires `chain-cart-checkout` with the lines. Unless a listener
 * cancels it, when `checkout-target` names a `<chain-order-form>` (an id, or any CSS selector)
 * the lines are handed to it (`form.lines = …`), the panel closes and the form takes the focus;
 * once that form fires `chain-order-placed`, the ordered lines leave the cart.
 *
 * **Persistence.** Lines are kept in `localStorage` under `storage-key` (default `chainkit:cart`)
 * as offer id, SKU id and quantity only, and follow changes made in other tabs.
 *
 * @fires chain-cart-change - Lines changed through this cart. `detail: { lines, count }`.
 * @fires chain-cart-checkout - Checkout chosen. `detail: { lines }`. Cancelable.
 *
 * @csspart toggle - The button that opens and closes the panel.
 * @csspart toggle-label - The toggle's text.
 * @csspart count - The number of items on the toggle.
 * @csspart panel - The panel (a popover).
 * @csspart title - The panel's heading.
 * @csspart close - The panel's close button.
 * @csspart empty - The "cart is empty" text.
 * @csspart offers - The list of offers.
 * @csspart offer - One offer with its lines.
 * @csspart tier - The offer's tier and unit price.
 * @csspart nudge - "Add N more to pay …".
 * @csspart line - One line.
 * @csspart quantity - A line's quantity input.
 * @csspart line-total - A line's total.
 * @csspart remove - A line's remove button.
 * @csspart line-error - A line's violation text.
 * @csspart offer-errors - An offer's violations (MOQ, max).
 * @csspart offer-load-error - "The prices could not be loaded", when an offer could not be loaded.
 * @csspart retry - The button that loads such an offer again.
 * @csspart summary - The subtotal (a live region).
 * @csspart subtotal - The subtotal amount.
 * @csspart checkout - The checkout button.
 *
 * @cssprop --chain-cart-panel-width - Width of the panel. Default `26rem` (at most the viewport).
 * @cssprop --chain-color-primary - Accent (count, checkout button).
 * @cssprop --chain-color-text - Text colour.
 * @cssprop --chain-color-surface - Backgrounds.
 * @cssprop --chain-color-border - Borders.
 * @cssprop --chain-color-danger - Violations.
 * @cssprop --chain-radius - Corner radius.
 * @cssprop --chain-font-family - Font.
 * @cssprop --chain-font-size - Base font size.
 * @cssprop --chain-space-2 - Spacing.
 * @cssprop --chain-space-3 - Spacing.
 */
export class ChainCart extends ChainElement {
  static override styles = [hostStyles, focusRing, formControls, styles, visuallyHidden];

  static override properties = {
    api: { type: String },
    key: { type: String },
    locale: { type: String },
    currency: { type: String },
    storageKey: { type: String, attribute: 'storage-key' },
    checkoutTarget: { type: String, attribute: 'checkout-target' },
    offers: { attribute: false },
  };

  /** Base URL of the order server, when the cart is not inside a `<chain-store>`. */
  declare api: string | undefined;
  /** Publishable key (`pk_…`), with `api`. */
  declare key: string | undefined;
  /** BCP 47 locale; default the store's, else the page's. */
  declare locale: string | undefined;
  /** ISO 4217 currency of the catalog's prices; default the store's, else `CNY`. */
  declare currency: string | undefined;
  /** The `localStorage` key of the lines. Default `chainkit:cart`. */
  declare storageKey: string;
  /** An element id or CSS selector naming the `<chain-order-form>` checkout hands the lines to. */
  declare checkoutTarget: string | undefined;
  /** Offers to price with, instead of loading them (no network). */
  declare offers: readonly Offer[] | undefined;

  /** API client, locale and currency from the store or the cart's own attributes. */
  readonly store: StoreController;
  readonly #popup: PlacementController;
  #cart: CartStore;
  #unsubscribe: (() => void) | undefined;
  #loaded = new Map<string, Offer>();
  #loading = new Set<string>();
  /**
   * Offers that could not be loaded: `true` when the server does not have them (404; their lines
   * are priced as SKUs no longer sold), `false` for any other failure (network, 5xx; their lines
   * are not priced and a Retry button loads them again).
   */
  #failed = new Map<string, boolean>();
  /** The loaded offers, priced with core `quote()`: a mixed batch counts all its lines together. */
  #catalog: Catalog | undefined;
  /** The text of quantity inputs that is not a whole number, by line (`offerId\nskuId`). */
  #invalid = new Map<string, string>();

  constructor() {
    super();
    this.storageKey = DEFAULT_CART_KEY;
    this.#cart = cartStore();
    updateWhenLocaleChanges(this);
    this.store = new StoreController(this);
    this.#popup = new PlacementController(this, {
      anchor: () => this.renderRoot.querySelector('#toggle'),
      floating: () => this.renderRoot.querySelector<HTMLElement>('#panel'),
      placement: 'bottom-end',
      onOpenChange: (open) => {
        if (open) this.renderRoot.querySelector<HTMLElement>('#cart-title')!.focus();
      },
    });
  }

  /** The lines, in the order they were added. */
  get lines(): readonly CartLine[] {
    return this.#cart.lines;
  }

  /** Total units in the cart. */
  get count(): number {
    return this.#cart.count;
  }

  /** Whether the panel is open. */
  get open(): boolean {
    return this.#popup.open;
  }

  /**
   * Adds units of a SKU (to its line when there is one). Throws `TypeError` for a malformed line,
   * `RangeError` when the cart cannot take it (1,000 lines, or a count past the largest exact
   * number); a `chain-cart-add` event it cannot take is ignored with a console warning.
   */
  addLine(line: CartLine): void {
    if (!isCartLine(line)) {
      throw new TypeError(
        'Chainkit: addLine needs { offerId, skuId, quantity } with a positive whole quantity',
      );
    }
    // A well-formed line the cart cannot take: it is full, or the SKU's count would pass the
    // largest exact number.
    if (!this.#cart.add(line)) {
      throw new RangeError(
        `Chainkit: the cart cannot take ${line.quantity} more of ${line.skuId}: it holds ${MAX_LINES} lines at most, each of at most ${Number.MAX_SAFE_INTEGER} pieces`,
      );
    }
    this.#changed();
  }

  /** Sets a line's quantity; 0 removes it. */
  setQuantity(offerId: string, skuId: string, quantity: number): void {
    if (this.#cart.setQuantity(offerId, skuId, quantity)) this.#changed();
  }

  /** Removes a line. */
  removeLine(offerId: string, skuId: string): void {
    if (this.#cart.remove(offerId, skuId)) this.#changed();
  }

  /** Empties the cart. */
  clear(): void {
    if (this.#cart.lines.length) {
      this.#cart.clear();
      this.#changed();
    }
  }

  /** Opens the panel. */
  show(): Promise<void> {
    return this.#popup.show();
  }

  /** Closes the panel. */
  hide(): void {
    this.#popup.hide();
  }

  /** Checks out, as the checkout button does. */
  checkout(): void {
    const lines = this.#cart.lines.map((line) => ({ ...line }));
    if (!lines.length || this.emit('chain-cart-checkout', { lines }, { cancelable: true }).defaultPrevented)
      return;
    const target = this.#target();
    if (target?.localName !== 'chain-order-form') return;
    target.lines = lines;
    this.hide();
    target.addEventListener(
      'chain-order-placed',
      ({ detail }) => {
        // The lines the order placed, not those handed over: the buyer may have cleared some.
        for (const factoryOrder of detail.order.factoryOrders)
          for (const { offerId, skuId } of factoryOrder.lines) this.#cart.remove(offerId, skuId);
        this.#changed();
      },
      { once: true },
    );
    void target.updateComplete.then(() => {
      target.scrollIntoView({ block: 'start' });
      target.focus();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
    document.addEventListener('chain-cart-add', this.#onAddEvent);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe!();
    document.removeEventListener('chain-cart-add', this.#onAddEvent);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('storageKey') && this.#cart.key !== (this.storageKey || DEFAULT_CART_KEY))
      this.#subscribe();
    const offersChanged = changed.has('offers');
    if (offersChanged || this.store.clientChanged) {
      // Another server (or list): its offers are loaded afresh. The loads still on their way from
      // the previous one settle into the maps they started with, never into these.
      this.#loaded = new Map();
      this.#loading = new Set();
      this.#failed = new Map();
    }
    const loaded = this.#loaded;
    const loading = this.#loading;
    const failed = this.#failed;
    const client = this.store.client;
    for (const { offerId } of this.#cart.lines) {
      if (loaded.has(offerId) || loading.has(offerId) || failed.has(offerId)) continue;
      const offer = this.offers?.find((candidate) => candidate.id === offerId);
      if (offer) loaded.set(offerId, offer);
      else if (client) {
        loading.add(offerId);
        void client
          .getOffer(offerId)
          .then(
            (fetched) => loaded.set(offerId, fetched),
            (error: unknown) => failed.set(offerId, isChainApiError(error, 'not_found')),
          )
          .finally(() => {
            loading.delete(offerId);
            this.requestUpdate();
          });
      }
    }
    const currency = this.store.currency ?? 'CNY';
    const catalog = this.#catalog;
    if (offersChanged || catalog?.currency !== currency || catalog.offers.length !== loaded.size) {
      this.#catalog = { currency, factories: [], offers: [...loaded.values()] };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The line under the focus was removed (its button, or 0 typed in its field): keep the focus
    // in the open panel rather than dropping it to <body>.
    if (this.open && document.activeElement === document.body)
      this.renderRoot.querySelector<HTMLElement>('#cart-title')!.focus();
  }

  protected override render(): TemplateResult {
    const f = formats(this.store.locale, this.store.currency ?? 'CNY');
    const lines = this.#cart.lines;
    const loading = this.#loading;
    // Offers that could not be loaded, but may be on a retry.
    const unloaded = (offerId: string): boolean => this.#failed.get(offerId) === false;
    const open = this.#popup.open;
    // Lines of offers still loading, or that could not be loaded, are left out of the quote; those
    // of offers the server does not have are in it, as unknown SKUs (no longer sold). The
    // violations naming a SKU are shown at its line (`byCell`), those of
    // an offer as a whole (MOQ/max of a mixed batch) under the offer.
    const { quote: result, byCell } = priceLines(
      this.#catalog!,
      lines.filter(
        (line) => this.#loaded.has(line.offerId) || !(loading.has(line.offerId) || unloaded(line.offerId)),
      ),
    );
    const quotedLines = new Map(result.lines.map((quoted) => [quoted.skuId, quoted]));
    let index = 0;
    const renderLine = (offer: Offer | undefined, { offerId, skuId, quantity }: CartLine): TemplateResult => {
      const key = `${offerId}\n${skuId}`;
      const label = skuLabel(offer, skuId, this.store.locale);
      const text = this.#invalid.get(key);
      const quoted = quotedLines.get(skuId);
      const errors = [
        ...(text === undefined ? [] : [msg('Enter a whole number', { id: 'cart.line.invalid' })]),
        ...(byCell.get(skuId) ?? []).map((violation) => violationText(violation, f.count, true)),
      ];
      const problemId = `problem-${(index += 1)}`;
      return html`<li part="line" class="line">
        <span class="line-label">${label}</span>
        <label>
          <span class="visually-hidden">${msg(str`Quantity of ${label}`, { id: 'cart.line.quantity' })}</span>
          <input
            part="quantity"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            aria-invalid=${errors.length ? 'true' : nothing}
            aria-describedby=${errors.length ? problemId : nothing}
            .value=${live(text ?? String(quantity))}
            @change=${(event: Event) => this.#onQuantity(offerId, skuId, (event.target as HTMLInputElement).value)}
          />
        </label>
        <span part="line-total">${quoted ? f.money(quoted.lineTotal) : '—'}</span>
        <button part="remove" type="button" class="remove" @click=${() => this.removeLine(offerId, skuId)}>
          ${msg('Remove', { id: 'cart.line.remove' })}<span class="visually-hidden"> ${label}</span>
        </button>
        ${
          errors.length
            ? html`<span id=${problemId} part="line-error" class="line-error">${errors.join(' ')}</span>`
            : nothing
        }
      </li>`;
    };
    const renderOffer = ([offerId, offerLines]: [string, CartLine[]]): TemplateResult => {
      const offer = this.#loaded.get(offerId);
      const quoted = result.offers.find((candidate) => candidate.offerId === offerId);
      const next = quoted?.nextTier;
      // A mixed batch's one unit price, unless its lines differ (a SKU with a ladder of its own).
      const [unit, other] = new Set(offerLines.map((line) => quotedLines.get(line.skuId)?.unitPrice));
      const shared = offer?.pricing.scope === 'offer' && other === undefined ? unit : undefined;
      const violations = quoted?.violations.filter((violation) => skuOf(violation) === undefined) ?? [];
      return html`<li part="offer" class="offer">
        <h3>${offer ? localize(offer.title, f.locale) : offerId}</h3>
        ${
          loading.has(offerId)
            ? html`<p role="status">${msg('Loading prices…', { id: 'ladder.loading' })}</p>`
            : unloaded(offerId)
              ? html`<p part="offer-load-error" class="error" role="alert">
                  ${msg('The prices could not be loaded.', { id: 'ladder.loadError' })}
                  <button
                    part="retry"
                    type="button"
                    @click=${() => this.#failed.delete(offerId) && this.requestUpdate()}
                  >
                    ${msg('Retry', { id: 'catalog.retry' })}
                  </button>
                </p>`
              : quoted
                ? html`<p part="tier" class="tier">
                    ${
                      shared === undefined
                        ? msg(str`${f.count(quoted.totalQuantity)} items`, { id: 'cart.offer.count' })
                        : msg(
                            str`${f.count(quoted.totalQuantity)} items together at ${f.money(shared)} each`,
                            {
                              id: 'cart.offer.mixedTier',
                            },
                          )
                    }
                    ${
                      next
                        ? html`<br /><span part="nudge"
                              >${msg(
                                str`Add ${f.count(next.addQuantity)} more to pay ${f.money(next.unitPrice)} each`,
                                { id: 'cart.offer.nudge' },
                              )}</span
                            >`
                        : nothing
                    }
                  </p>`
                : nothing
        }
        <ul class="lines">
          ${offerLines.map((line) => renderLine(offer, line))}
        </ul>
        ${
          violations.length
            ? html`<ul part="offer-errors" class="error">
                ${violations.map((violation) => html`<li>${violationText(violation, f.count)}</li>`)}
              </ul>`
            : nothing
        }
        ${
          quoted
            ? html`<p class="offer-subtotal">
                ${msg(str`Subtotal: ${f.money(quoted.subtotal)}`, { id: 'cart.offer.subtotal' })}
              </p>`
            : nothing
        }
      </li>`;
    };
    return html`<button
        id="toggle"
        part="toggle"
        type="button"
        aria-expanded=${open}
        aria-controls="panel"
        @click=${() => void this.#popup.toggle()}
      >
        ${cartIcon}<span part="toggle-label">${msg('Cart', { id: 'cart.title' })}</span>
        <span part="count" class="count">${f.count(this.#cart.count)}</span>
        <span class="visually-hidden">${msg('items', { id: 'cart.toggle.items' })}</span>
      </button>
      <div id="panel" part="panel" popover="auto" role="dialog" aria-labelledby="cart-title">
        <div class="panel-head">
          <h2 id="cart-title" part="title" tabindex="-1">${msg('Cart', { id: 'cart.title' })}</h2>
          <button part="close" type="button" class="close" @click=${this.hide}>
            ${msg('Close', { id: 'cart.close' })}
          </button>
        </div>
        ${
          lines.length
            ? html`<ul part="offers" class="offers">
                  ${[...linesByOffer(lines)].map(renderOffer)}
                </ul>
                <p part="summary" class="summary" aria-live="polite">
                  ${msg('Subtotal', { id: 'cart.subtotal' })}:
                  <strong part="subtotal">${f.money(result.subtotal)}</strong>
                </p>
                <button
                  part="checkout"
                  type="button"
                  class="checkout"
                  ?disabled=${loading.size > 0 || lines.some((line) => unloaded(line.offerId))}
                  @click=${this.checkout}
                >
                  ${msg('Check out', { id: 'cart.checkout' })}
                </button>`
            : html`<p part="empty">${msg('Your cart is empty.', { id: 'cart.empty' })}</p>`
        }
      </div>`;
  }

  /** Focuses the toggle button. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#toggle')?.focus(options);
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#cart = cartStore(this.storageKey || DEFAULT_CART_KEY);
    this.#cart.reload();
    this.#unsubscribe = this.#cart.subscribe(() => this.requestUpdate());
    this.requestUpdate();
  }

  #changed(): void {
    this.requestUpdate();
    this.emit('chain-cart-change', { lines: this.#cart.lines, count: this.#cart.count });
  }

  readonly #onAddEvent = (event: Event): void => {
    const { detail } = event as CustomEvent<unknown>;
    if (handledAdds.has(event) || event.defaultPrevented) return;
    if (isCartLine(detail)) {
      handledAdds.add(event);
      // Nobody can catch a throw from here: the dispatching page only learns of it in the console.
      try {
        this.addLine(detail);
      } catch (error) {
        console.warn(`${(error as Error).message}; ignored.`);
      }
    } else console.warn('Chainkit: chain-cart-add needs detail { offerId, skuId, quantity }; ignored.');
  };

  /** A line's quantity was committed: 0 removes the line, text that is not a whole number is kept and flagged. */
  #onQuantity(offerId: string, skuId: string, text: string): void {
    const key = `${offerId}\n${skuId}`;
    const quantity = parseQuantity(text);
    if (Number.isNaN(quantity)) this.#invalid.set(key, text);
    else {
      this.#invalid.delete(key);
      this.setQuantity(offerId, skuId, quantity);
    }
    this.requestUpdate();
  }

  /** The element `checkout-target` names: an id, else a CSS selector, in this tree, else the document. */
  #target(): ChainOrderForm | null | undefined {
    const selector = this.checkoutTarget?.trim();
    const root = this.getRootNode() as Document;
    try {
      return (selector &&
        (root.getElementById?.(selector) ??
          document.getElementById(selector) ??
          root.querySelector(selector) ??
          document.querySelector(selector))) as ChainOrderForm | null;
    } catch {
      return null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chain-cart': ChainCart;
  }
}
