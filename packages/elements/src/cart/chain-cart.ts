import type { Catalog, Offer } from '@chainkit/core';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { StoreController } from '../internal/api-controller.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { PlacementController } from '../internal/placement-controller.js';
import { focusRing } from '../internal/theme.js';
import { visuallyHidden } from '../internal/shared-styles.js';
import type { ChainOrderForm } from '../order-form/chain-order-form.js';
import { formats } from '../order-form/format.js';
import { parseQuantity } from '../order-form/quantity-input.js';
import { cartCatalog, priceCart, type PricedCart } from './cart-pricing.js';
import { cartStore, DEFAULT_CART_KEY, isCartLine, type CartLine, type CartStore } from './cart-store.js';
import { lineKey, renderCartOffers } from './cart-view.js';
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

const DEFAULT_CURRENCY = 'CNY';

/** Events already acted on, so two carts on one page add a line once. */
const handledAdds = new WeakSet<Event>();

const cartIcon = svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
  <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
    d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.8a1 1 0 0 0 1-.8L20 8H6.2M9 20h.01M17 20h.01" />
</svg>`;

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
 * step, max) and subtotal are shown per offer, the subtotal of everything at the bottom.
 *
 * **Panel.** The toggle shows the number of items and opens the panel in the popover top layer,
 * placed next to the toggle by floating-ui (so no `overflow` or `z-index` on the page clips it).
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
  static override styles = [hostStyles, focusRing, styles, visuallyHidden];

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
  #failed = new Set<string>();
  #catalog: Catalog | undefined;
  #priced: PricedCart | undefined;
  #texts = new Map<string, string>();
  #errors = new Map<string, string>();

  constructor() {
    super();
    this.storageKey = DEFAULT_CART_KEY;
    this.#cart = cartStore(DEFAULT_CART_KEY);
    updateWhenLocaleChanges(this);
    this.store = new StoreController(this);
    this.#popup = new PlacementController(this, {
      anchor: () => this.renderRoot.querySelector('#toggle'),
      floating: () => this.renderRoot.querySelector<HTMLElement>('#panel'),
      placement: 'bottom-end',
      onOpenChange: (open) => {
        if (open) this.renderRoot.querySelector<HTMLElement>('#cart-title')?.focus();
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

  /** Adds units of a SKU (to its line when there is one). Throws `TypeError` for a malformed line. */
  addLine(line: CartLine): void {
    if (!this.#cart.add(line)) {
      throw new TypeError(
        'Chainkit: addLine needs { offerId, skuId, quantity } with a positive whole quantity',
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
    if (this.#cart.lines.length === 0) return;
    this.#cart.clear();
    this.#changed();
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
    if (lines.length === 0) return;
    const event = this.emit('chain-cart-checkout', { lines }, { cancelable: true });
    if (event.defaultPrevented) return;
    const target = this.#target();
    if (!target) return;
    target.lines = lines;
    this.hide();
    const ordered = lines;
    target.addEventListener(
      'chain-order-placed',
      () => {
        for (const line of ordered) this.#cart.remove(line.offerId, line.skuId);
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
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    document.removeEventListener('chain-cart-add', this.#onAddEvent);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('storageKey') && this.#cart.key !== (this.storageKey || DEFAULT_CART_KEY)) {
      this.#subscribe();
    }
    if (changed.has('offers') || this.store.clientChanged) {
      this.#failed.clear();
      if (changed.has('offers')) this.#loaded.clear();
    }
    this.#loadOffers();
    const currency = this.store.currency ?? DEFAULT_CURRENCY;
    if (
      !this.#catalog ||
      this.#catalog.currency !== currency ||
      this.#catalog.offers.length !== this.#loaded.size
    ) {
      this.#catalog = cartCatalog(this.#loaded.values(), currency);
    }
    this.#priced = priceCart(this.#cart.lines, this.#catalog, this.#loading);
  }

  protected override render(): TemplateResult {
    const f = formats(this.store.locale, this.store.currency ?? DEFAULT_CURRENCY);
    const priced = this.#priced;
    const lines = this.#cart.lines;
    const open = this.#popup.open;
    return html`<button
        id="toggle"
        part="toggle"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
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
          <button part="close" type="button" class="close" @click=${() => this.hide()}>
            ${msg('Close', { id: 'cart.close' })}
          </button>
        </div>
        ${
          lines.length === 0 || !priced
            ? html`<p part="empty">${msg('Your cart is empty.', { id: 'cart.empty' })}</p>`
            : html`${renderCartOffers(
                  priced,
                  f,
                  this.#texts,
                  this.#errors,
                  {
                    quantity: (offerId, skuId, text) => this.#onQuantity(offerId, skuId, text),
                    remove: (offerId, skuId) => this.removeLine(offerId, skuId),
                  },
                  this.#loading,
                )}
                <p part="summary" class="summary" aria-live="polite">
                  ${msg('Subtotal', { id: 'cart.subtotal' })}:
                  <strong part="subtotal">${f.money(priced.subtotal)}</strong>
                </p>`
        }
        ${
          lines.length > 0
            ? html`<button
                part="checkout"
                type="button"
                class="checkout"
                ?disabled=${this.#loading.size > 0}
                @click=${() => this.checkout()}
              >
                ${msg('Check out', { id: 'cart.checkout' })}
              </button>`
            : nothing
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
    if (handledAdds.has(event) || event.defaultPrevented) return;
    const detail = (event as CustomEvent<unknown>).detail;
    if (!isCartLine(detail)) {
      console.warn('Chainkit: chain-cart-add needs detail { offerId, skuId, quantity }; ignored.');
      return;
    }
    handledAdds.add(event);
    this.addLine(detail);
  };

  #onQuantity(offerId: string, skuId: string, text: string): void {
    const key = lineKey(offerId, skuId);
    const quantity = parseQuantity(text);
    if (Number.isNaN(quantity)) {
      this.#texts.set(key, text);
      this.#errors.set(key, msg('Enter a whole number', { id: 'cart.line.invalid' }));
      this.requestUpdate();
      return;
    }
    this.#texts.delete(key);
    this.#errors.delete(key);
    if (quantity === 0) this.removeLine(offerId, skuId);
    else this.setQuantity(offerId, skuId, quantity);
    this.requestUpdate();
  }

  #loadOffers(): void {
    const given = new Map((this.offers ?? []).map((offer) => [offer.id, offer]));
    const client = this.store.client;
    for (const offerId of new Set(this.#cart.lines.map((line) => line.offerId))) {
      if (this.#loaded.has(offerId) || this.#loading.has(offerId) || this.#failed.has(offerId)) continue;
      const offer = given.get(offerId);
      if (offer) {
        this.#loaded.set(offerId, offer);
        continue;
      }
      if (!client) continue;
      this.#loading.add(offerId);
      client.getOffer(offerId).then(
        (loaded) => {
          this.#loading.delete(offerId);
          this.#loaded.set(offerId, loaded);
          this.requestUpdate();
        },
        () => {
          this.#loading.delete(offerId);
          this.#failed.add(offerId);
          this.requestUpdate();
        },
      );
    }
  }

  #target(): ChainOrderForm | null {
    const selector = this.checkoutTarget?.trim();
    if (!selector) return null;
    const root = this.getRootNode() as Document | ShadowRoot;
    let found: Element | null = root.getElementById?.(selector) ?? document.getElementById(selector);
    if (!found) {
      try {
        found = root.querySelector(selector) ?? document.querySelector(selector);
      } catch {
        found = null;
      }
    }
    return found?.localName === 'chain-order-form' ? (found as ChainOrderForm) : null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chain-cart': ChainCart;
  }
}
