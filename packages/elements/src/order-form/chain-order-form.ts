import {
  countFormat,
  localize,
  type Catalog,
  type Factory,
  type Offer,
  type OrderRequest,
  type OrderResponse,
  type RoutingPreview,
} from '@chainkit/core';
import { updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { StoreController } from '../internal/api-controller.js';
import { isChainApiError } from '../internal/api-error.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { formControls, visuallyHidden } from '../internal/shared-styles.js';
import { focusRing } from '../internal/theme.js';
import {
  fieldFor,
  fieldIssues,
  fieldMessages,
  orderRequest,
  type FieldDef,
  type FieldValues,
} from './buyer-fields.js';
import styles from './chain-order-form.styles.js';
import { loadDraft, saveDraft } from './draft-storage.js';
import { formats, type Formats } from './format.js';
import {
  checkFields,
  failureText,
  loadErrorText,
  notConfigured,
  quantityProblem,
  rejectedFields,
  valueMissing,
} from './form-messages.js';
import { keyMove, paintCell, positionOf } from './matrix-cells.js';
import { renderConfirmation } from './confirmation-view.js';
import { buildMatrix, type CellPosition, type MatrixModel } from './matrix-axes.js';
import { renderPriceChange, renderSubmit } from './order-actions-view.js';
import { OrderSubmission } from './order-submission.js';
import { renderOrderSummary } from './order-summary-view.js';
import { fieldId, renderOrdering } from './ordering-view.js';
import { priceLines, type PricedLines } from './order-pricing.js';
import { renderOtherItems, type OtherLine } from './other-items.js';
import { linesOf, parseQuantity, plainLines } from './quantity-input.js';
import { renderRoutingPreview } from './routing-preview-view.js';
import { renderLoadError, renderLoading, renderNoOffer } from './status-view.js';
import { cellId, renderSkuMatrix } from './sku-matrix-view.js';
import { attributeText } from './attribute-text.js';
import { violationText } from './violation-text.js';

declare module '../internal/events.js' {
  interface ChainEventMap {
    /** `<chain-order-form>` placed an order; `order` is the server's response. */
    'chain-order-placed': { order: OrderResponse };
  }
}

/** A line handed to the form (e.g. by `<chain-cart>`'s checkout). */
export interface OrderFormLine {
  /** The offer of the SKU; absent means the form's own offer. */
  readonly offerId?: string;
  readonly skuId: string;
  readonly quantity: number;
}

const isOrderable = (quantity: number): boolean => Number.isSafeInteger(quantity) && quantity > 0;

/**
 * @summary Order form for one wholesale offer: a SKU matrix (e.g. colour × size) with live
 * ladder pricing, buyer and ship-to fields, a routing preview and a safe submit.
 *
 * @description
 * Give it an offer id (`offer="coat"`, loaded through the API client of the enclosing
 * `<chain-store>` or of its own `api`/`key`) or the offer itself (`offerData`, no network).
 *
 * **Matrix.** Rows and columns come from the SKUs' attributes: with two attributes the rows are
 * the first's values and the columns the second's; with more, rows are the combinations of all
 * but the last; with one attribute it is a list. Each cell is a quantity input labelled by its
 * row and column headers. Keys: ↑ ↓ move up/down, ← → move left/right once the caret is at the
 * edge of the text, Enter/Shift+Enter move down/up, Home/End go to the first/last cell of the
 * row, Ctrl+Home/Ctrl+End to the first/last cell of the matrix. The matrix is one tab stop (Tab
 * leaves it); the cell last used keeps the tab stop.
 *
 * **Pricing.** Totals, the tier and the "add N more" nudge update as the buyer types, priced by
 * `quote()` from `@chainkit/core` (the server's own pricing code; mixed batches count every SKU of
 * the offer towards the tier). Breaking the batch step (or a SKU's own MOQ/max) is shown at the
 * cell; the offer's MOQ/max at the totals, in words.
 *
 * **Ordering.** Buyer (name, phone, optional email and company) and ship-to (country code, region,
 * city, street address, optional postal code) are checked by the rules of core `OrderRequestSchema`; errors
 * show at their field. The routing preview says which factories would make the order and when it
 * would ship. Submitting sends one `Idempotency-Key` per attempt (the client retries network
 * failures with the same key; a manual retry of an unchanged order after a network failure also
 * keeps it, so an order that did reach the server is never placed twice); a second submit while
 * one is in flight is ignored. When the server's price differs (409 `price_changed`) the form
 * shows the new total and places the order only when the buyer confirms it (with a new key). On
 * success it shows the order number and each factory's sub-order, moves the focus there and
 * fires `chain-order-placed`. Another `offer` drops the previous offer's price prompt; an attempt
 * still out when the offer changed clears the draft of the offer it ordered and shows its
 * confirmation, or drops its price prompt.
 *
 * **Draft.** The quantities (never the buyer's details) are kept in `localStorage` under
 * `chainkit:order-draft:<offer id>` and restored on the next visit; placing the order clears them.
 *
 * **In a merchant's `<form>`.** The element is form-associated. Inside a `<form>` it shows the
 * matrix and totals only — no buyer fields, no submit button, no order is placed by it: the page's
 * form submits, with the field named by the element's `name` attribute holding the lines as JSON
 * (`[{"skuId":"coat-red-m","quantity":60}]`). Its validity reflects the quantities: a violation
 * is a `customError` (the form will not submit, and `reportValidity()` points at the first bad
 * cell); with `required`, an empty matrix is `valueMissing`. Form reset clears the quantities.
 *
 * **Lines from elsewhere.** Setting `lines` replaces the quantities (e.g. the cart's checkout);
 * lines of other offers are loaded, priced and ordered together with this offer's, listed under
 * "Also in this order".
 *
 * Events: the host fires `input` as cells are typed in (they bubble out of the shadow root) and
 * `change` when a cell is committed; `value` then holds the lines as JSON.
 *
 * @fires chain-order-placed - The order was placed. `detail.order` is the server's `OrderResponse`
 * (its `accessToken` lets `<chain-order-status>` show it later).
 * @fires input - A quantity cell changed (native, from the cell).
 * @fires change - A quantity cell was committed.
 *
 * @csspart base - The element's content.
 * @csspart title - The offer's title.
 * @csspart status - The loading message.
 * @csspart error - The load error message.
 * @csspart matrix - The matrix with its caption.
 * @csspart matrix-grid - The scrolling grid of row headers, column headers and cells.
 * @csspart cell - A quantity input.
 * @csspart cell-error - The violation text under a cell.
 * @csspart summary - Tiers and totals.
 * @csspart mixed-batch - The note explaining mixed batches.
 * @csspart ladder - The list of price tiers (the current one has `aria-current="true"`).
 * @csspart totals - Quantity, unit price, total and savings (a live region).
 * @csspart quantity - The total quantity.
 * @csspart unit-price - The unit price.
 * @csspart total - The offer's total.
 * @csspart savings - What the tier saves.
 * @csspart nudge - "Add N more to pay …".
 * @csspart offer-errors - The offer's violations (MOQ, max).
 * @csspart other-items - Lines of other offers in the same order.
 * @csspart grand-total - The order's total over all offers.
 * @csspart form - The buyer and ship-to form.
 * @csspart buyer - The buyer fieldset.
 * @csspart ship-to - The ship-to fieldset.
 * @csspart field-input - A buyer, ship-to or note input.
 * @csspart field-error - A field's error text.
 * @csspart routing - The routing preview.
 * @csspart form-error - The form's error message (a live region).
 * @csspart submit - The place-order button.
 * @csspart price-changed - The "price has changed" confirmation.
 * @csspart new-total - The server's new total.
 * @csspart confirm-button - Confirms the new total and places the order.
 * @csspart cancel-button - Goes back to the order without placing it.
 * @csspart confirmation - The "order placed" view.
 * @csspart order-number - The order's number.
 * @csspart order-total - The order's total.
 * @csspart factory-orders - The list of factory sub-orders.
 * @csspart factory-order - One factory's sub-order.
 * @csspart another-button - Starts a new order.
 *
 * @cssprop --chain-order-form-matrix-height - Largest height of the matrix before it scrolls. Default `28rem`.
 * @cssprop --chain-order-form-row-header-width - Width of the row headers. Default `8rem`.
 * @cssprop --chain-color-primary - Accent (total, current tier, buttons).
 * @cssprop --chain-color-text - Text colour.
 * @cssprop --chain-color-surface - Background.
 * @cssprop --chain-color-border - Borders.
 * @cssprop --chain-color-danger - Violations and errors.
 * @cssprop --chain-color-success - The confirmation's border.
 * @cssprop --chain-radius - Corner radius.
 * @cssprop --chain-font-family - Font.
 * @cssprop --chain-font-size - Base font size.
 * @cssprop --chain-space-1 - Spacing, smallest.
 * @cssprop --chain-space-4 - Spacing, largest.
 */
export class ChainOrderForm extends ChainElement {
  static formAssociated = true;

  static override styles = [hostStyles, focusRing, formControls, styles, visuallyHidden];

  static override properties = {
    offer: { type: String },
    offerData: { attribute: false },
    factories: { attribute: false },
    api: { type: String },
    key: { type: String },
    locale: { type: String },
    currency: { type: String },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
  };

  /** The id of the offer to load through the API client. */
  declare offer: string | undefined;
  /** The offer itself; when set, nothing is loaded and `offer` is ignored. */
  declare offerData: Offer | undefined;
  /** The store's factories, naming the sub-orders after the order was placed; default: `client.listFactories()`. */
  declare factories: readonly Factory[] | undefined;
  /** Base URL of the order server, when the form is not inside a `<chain-store>`. */
  declare api: string | undefined;
  /** Publishable key (`pk_…`), with `api`. */
  declare key: string | undefined;
  /** BCP 47 locale; default the store's, else the page's. */
  declare locale: string | undefined;
  /** ISO 4217 currency of the catalog's prices; default the store's, else `CNY`. */
  declare currency: string | undefined;
  /** In a `<form>`: an empty matrix makes the form invalid (`valueMissing`). */
  declare required: boolean;
  /** Disables every input. */
  declare disabled: boolean;

  /** API client, locale and currency from the store or the element's own attributes. */
  readonly store: StoreController;
  readonly #internals: ElementInternals;

  #load: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  #loadError = '';
  #loadAbort: AbortController | undefined;
  #main: Offer | undefined;
  #extras = new Map<string, Offer>();
  /** The store's factories, loaded when `factories` is not set. */
  #storeFactories: readonly Factory[] = [];
  #model: MatrixModel | undefined;
  /** Built once per set of offers: core caches its index per catalog object. */
  #catalog: Catalog | undefined;

  /** SKU id → what its cell shows, and the quantity that means (`NaN` for unreadable text). */
  #text = new Map<string, string>();
  #quantities = new Map<string, number>();
  /** Lines of other offers, in the order they were handed over. */
  #others: OtherLine[] = [];
  #pendingLines: readonly OrderFormLine[] | undefined;
  #priced: PricedLines | undefined;
  #active: CellPosition = { row: 0, col: 0 };
  #matrixEpoch = 0;
  #paintPending = false;
  #formDisabled = false;

  #values: FieldValues = { 'shipTo.country': 'CN' };
  #fieldErrors = new Map<string, string>();
  #formError = '';

  // The phase of the checkout: editing (both undefined; an attempt may be in flight, see
  // `#submission`), the price changed (confirm or cancel), or placed.
  readonly #submission = new OrderSubmission();
  #priceChange: { previous: number; total: number; order: OrderRequest } | undefined;
  #placed: OrderResponse | undefined;
  /** The id of the element to focus after the next update that renders it. */
  #focusAfterUpdate: string | undefined;

  #preview: RoutingPreview | undefined;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #previewRun = 0;
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #onPageHide = (): void => this.#flushDraft();

  constructor() {
    super();
    this.required = false;
    this.disabled = false;
    this.#internals = this.attachInternals();
    updateWhenLocaleChanges(this);
    this.store = new StoreController(this);
  }

  /** The lines the form would order: this offer's non-empty cells, then other offers' lines. */
  get lines(): OrderFormLine[] {
    const offerId = this.#main?.id;
    const lines =
      this.#pendingLines ??
      (offerId
        ? [
            ...this.#ownLines()
              .filter((line) => isOrderable(line.quantity))
              .map((line) => ({ offerId, ...line })),
            ...this.#others,
          ]
        : []);
    // Copies: the caller may change them.
    return lines.map((line) => ({ ...line }));
  }

  /**
   * Replaces the quantities with `lines`. Lines of this offer fill its cells; lines of other
   * offers are ordered along (see the class description). With no offer set yet, the first
   * line's offer becomes the form's offer.
   */
  set lines(lines: readonly OrderFormLine[]) {
    // Keeps the well-formed lines of what a page handed over.
    const usable = (Array.isArray(lines) ? (lines as Partial<OrderFormLine>[]) : []).filter(
      (line): line is OrderFormLine =>
        typeof line?.skuId === 'string' &&
        isOrderable(line.quantity!) &&
        (line.offerId === undefined || typeof line.offerId === 'string'),
    );
    if (!this.#main && !this.offerData && !this.offer) {
      const first = usable.find((line) => typeof line.offerId === 'string')?.offerId;
      if (first) this.offer = first;
    }
    if (this.#model) this.#replaceLines(usable);
    else this.#pendingLines = usable;
  }

  /** The lines as JSON, the value the form submits. */
  get value(): string {
    return JSON.stringify(this.lines, ['skuId', 'quantity']);
  }

  /** The `<form>` the element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** The element's validity in its form. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /** The validation message (the first problem). */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /**
   * Focuses the matrix's current cell. While the offer is still loading, the cell takes the
   * focus as soon as it is shown (e.g. right after the cart handed its lines over).
   */
  override focus(options?: FocusOptions): void {
    const cell = this.#cell(this.#active);
    if (cell) cell.focus(options);
    else if (this.#load === 'error') this.renderRoot.querySelector('button')?.focus(options);
    else this.#focusAfterUpdate = cellId(this.#active);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('pagehide', this.#onPageHide);
    // Put back after a removal that aborted the offer's load: load it again, or it stays loading.
    if (this.hasUpdated && this.#load === 'loading') void this.#fetchOffer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('pagehide', this.#onPageHide);
    this.#flushDraft();
    clearTimeout(this.#previewTimer);
    this.#loadAbort?.abort();
  }

  /** @internal */
  formAssociatedCallback(): void {
    this.requestUpdate();
  }

  /** @internal */
  formResetCallback(): void {
    this.#replaceLines([]);
  }

  /** @internal */
  formStateRestoreCallback(state: unknown): void {
    try {
      if (typeof state === 'string') this.lines = JSON.parse(state) as OrderFormLine[];
    } catch {
      // A state we did not write: ignore it.
    }
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.#repaintMatrix();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const clientChanged = this.store.clientChanged;
    if (changed.has('offerData') && this.offerData) {
      this.#loadAbort?.abort();
      this.#setMain(this.offerData);
    } else if ((changed.has('offer') || changed.has('offerData') || clientChanged) && !this.offerData) {
      void this.#fetchOffer();
    }
    if (changed.has('factories') || clientChanged) void this.#fetchFactories();
    if (this.#catalog && this.#catalog.currency !== this.#currency()) this.#rebuildCatalog();
    // `required` decides `valueMissing`: follow it now, not at the next keystroke.
    else if (changed.has('required')) this.#syncForm();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#paintPending) {
      this.#paintPending = false;
      // Only cells with a violation now or painted before: a 1,000-cell matrix is mostly clean.
      const bad = this.#priced?.byCell;
      for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('[part=cell]'))
        if (bad?.has(input.dataset['sku']!) || input.hasAttribute('aria-invalid')) this.#paint(input);
      this.#syncForm();
    }
    const focus = this.#focusAfterUpdate;
    const target = focus ? this.renderRoot.querySelector<HTMLElement>(`#${focus}`) : null;
    // A target not rendered yet (the offer is loading) keeps the request for a later update.
    if (target || this.#load === 'error') this.#focusAfterUpdate = undefined;
    target?.focus();
  }

  protected override render(): TemplateResult {
    const f = formats(this.store.locale, this.#currency());
    const main = this.#main;
    const model = this.#model;
    const priced = this.#priced;
    if (this.#load === 'loading' || (this.#load === 'idle' && this.offer)) return renderLoading();
    if (this.#load === 'error') return renderLoadError(this.#loadError, this.#fetchOffer);
    if (!main || !model || !priced) return renderNoOffer();
    const order = this.#placed;
    // Once placed, the confirmation instead of the order (its heading takes the focus, `tabindex="-1"`).
    return html`<div part="base">
      <h2 part="title">${localize(main.title, f.locale)}</h2>
      ${
        order
          ? renderConfirmation(
              order,
              this.factories ?? this.#storeFactories,
              main,
              this.#extras,
              f,
              this.#startOver,
            )
          : html`<div
                part="matrix"
                @input=${this.#onCellInput}
                @change=${this.#onCellChange}
                @keydown=${this.#onCellKeydown}
                @focusin=${this.#onCellFocus}
              >
                ${renderSkuMatrix(
                  model,
                  this.#matrixEpoch,
                  this.#active,
                  this.#text,
                  this.#isDisabled(),
                  attributeText(main, f.locale),
                )}
              </div>
              ${renderOrderSummary(main, priced, f)}
              ${renderOtherItems(this.#others, this.#extras, priced.quote, f)}
              ${this.form ? nothing : this.#renderOrdering(f)}`
      }
    </div>`;
  }

  #renderOrdering(f: Formats): TemplateResult {
    const change = this.#priceChange;
    return renderOrdering(
      this.#values,
      this.#fieldErrors,
      renderRoutingPreview(this.#preview, f),
      this.#formError,
      change
        ? renderPriceChange(change, f.money, this.#onConfirmPrice, this.#onCancelPrice)
        : renderSubmit(
            this.#submission.inFlight,
            this.#isDisabled(),
            this.#priced?.quote.subtotal ?? 0,
            f.money,
          ),
      this.#onSubmit,
      this.#fieldOf,
      this.#onFieldChange,
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  #currency(): string {
    return this.store.currency ?? 'CNY';
  }

  async #fetchOffer(): Promise<void> {
    this.#loadAbort?.abort();
    const id = this.offer?.trim();
    const client = this.store.client;
    this.#load = id ? (client ? 'loading' : 'error') : 'idle';
    if (!id) return;
    this.#loadError = notConfigured();
    this.requestUpdate();
    if (!client) return;
    const abort = (this.#loadAbort = new AbortController());
    try {
      const offer = await client.getOffer(id, { signal: abort.signal });
      if (!abort.signal.aborted) this.#setMain(offer);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#load = 'error';
      this.#loadError = loadErrorText(isChainApiError(error, 'not_found'));
      this.requestUpdate();
    }
  }

  async #fetchFactories(): Promise<void> {
    const client = this.store.client;
    if (!this.factories && client) {
      try {
        this.#storeFactories = await client.listFactories();
      } catch {
        // Sub-orders are then named by factory id; ordering still works.
      }
    }
  }

  #setMain(offer: Offer): void {
    const sameOffer = this.#main?.id === offer.id;
    if (!sameOffer) {
      this.#flushDraft();
      // The prompt is about the previous offer's lines: confirming it would place lines the
      // buyer no longer sees. (A confirmation stays until the buyer starts a new order.)
      this.#priceChange = undefined;
    }
    this.#main = offer;
    const model = (this.#model = buildMatrix(offer.skus));
    this.#active = model.positions.values().next().value ?? { row: 0, col: 0 };
    this.#load = 'ready';
    const pending = this.#pendingLines;
    this.#pendingLines = undefined;
    if (pending) this.#applyLines(pending);
    else if (!sameOffer)
      this.#applyLines([...loadDraft(offer.id)].map(([skuId, quantity]) => ({ skuId, quantity })));
    this.#rebuildCatalog();
    this.#repaintMatrix();
  }

  /** Replaces every quantity with `lines`: the offer's fill its cells, other offers' are kept aside. */
  #applyLines(lines: readonly OrderFormLine[]): void {
    const offerId = this.#main?.id;
    this.#text.clear();
    this.#quantities.clear();
    this.#others = [];
    for (const { offerId: lineOffer = offerId, skuId, quantity } of lines) {
      if (lineOffer !== offerId) this.#others.push({ offerId: lineOffer!, skuId, quantity });
      else if (this.#model?.positions.has(skuId))
        this.#setCell(skuId, String((this.#quantities.get(skuId) ?? 0) + quantity));
    }
    void this.#fetchExtras();
  }

  async #fetchExtras(): Promise<void> {
    const client = this.store.client;
    const missing = [...new Set(this.#others.map((line) => line.offerId))].filter(
      (id) => !this.#extras.has(id),
    );
    if (!client || !missing.length) return;
    for (const result of await Promise.allSettled(missing.map((id) => client.getOffer(id))))
      if (result.status === 'fulfilled') this.#extras.set(result.value.id, result.value);
    this.#rebuildCatalog();
  }

  #rebuildCatalog(): void {
    const main = this.#main;
    if (!main) return;
    // Pricing needs no factories (routing is the server's).
    this.#catalog = {
      currency: this.#currency(),
      factories: [],
      offers: [main, ...[...this.#extras.values()].filter((offer) => offer.id !== main.id)],
    };
    this.#reprice();
    this.#schedulePreview(0);
    this.requestUpdate();
  }

  // ---------------------------------------------------------------------------------------------
  // Quantities (the keystroke path: reprice, paint one cell, re-render the totals only)

  #setCell(skuId: string, text: string): void {
    this.#text.set(skuId, text);
    this.#quantities.set(skuId, parseQuantity(text));
  }

  /** This offer's non-empty cells (unreadable ones included, so `quote()` reports them). */
  #ownLines() {
    return linesOf(this.#quantities, this.#main?.skus.map((sku) => sku.id) ?? []);
  }

  #reprice(): void {
    const catalog = this.#catalog;
    if (!catalog) return;
    // A catalog is built only once there is an offer.
    this.#priced = priceLines(catalog, [...this.#ownLines(), ...this.#others], this.#main!.id);
    this.#syncForm();
  }

  #onCellInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.#setCell(input.dataset['sku']!, input.value);
    this.#reprice();
    this.#paint(input);
    this.#afterQuantitiesChanged();
  }

  #onCellChange(): void {
    // The inner input's `change` does not leave the shadow root: fire one on the host.
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #afterQuantitiesChanged(): void {
    this.#priceChange = undefined;
    this.#formError = '';
    this.#scheduleDraft();
    this.#schedulePreview(200);
    this.requestUpdate();
  }

  /** Paints a cell's violations (see `paintCell`). */
  #paint(input: HTMLInputElement): void {
    const n = countFormat(this.store.locale);
    paintCell(
      input,
      (this.#priced?.byCell.get(input.dataset['sku']!) ?? [])
        .map((violation) => violationText(violation, n, true))
        .join(' '),
    );
  }

  /** Re-renders the matrix (new layout, new quantities, locale) and repaints every cell after. */
  #repaintMatrix(): void {
    this.#matrixEpoch += 1;
    this.#paintPending = true;
    this.#reprice();
    this.requestUpdate();
  }

  #onCellKeydown(event: KeyboardEvent): void {
    const model = this.#model;
    const to = model && !event.isComposing ? keyMove(event, model) : null;
    if (!to) return;
    event.preventDefault();
    const target = this.#cell(to);
    // At the edge the move is the cell itself: the key is swallowed, the selection kept.
    if (target === event.target) return;
    target?.focus();
    target?.select();
  }

  /** Roving tab stop, moved in place (re-rendering the matrix for it would cost too much). */
  #onCellFocus(event: FocusEvent): void {
    const input = event.target as HTMLInputElement;
    const previous = this.#cell(this.#active);
    if (previous === input) return;
    if (previous) previous.tabIndex = -1;
    input.tabIndex = 0;
    this.#active = positionOf(input, this.#model!);
  }

  #isDisabled(): boolean {
    return this.disabled || this.#formDisabled || this.#submission.inFlight;
  }

  // ---------------------------------------------------------------------------------------------
  // Form association

  #syncForm(): void {
    const priced = this.#priced;
    const value = this.value;
    this.#internals.setFormValue(value, value);
    if (!priced) return;
    const anchor = this.#cell(this.#firstBadCell() ?? this.#active) ?? undefined;
    const problem = [...priced.byCell.values()].flat()[0] ?? priced.offerWide[0];
    if (problem)
      this.#internals.setValidity(
        { customError: true },
        violationText(problem, countFormat(this.store.locale)),
        anchor,
      );
    else if (this.required && value === '[]')
      this.#internals.setValidity({ valueMissing: true }, valueMissing(), anchor);
    else this.#internals.setValidity({});
  }

  // ---------------------------------------------------------------------------------------------
  // Draft

  #scheduleDraft(): void {
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => this.#flushDraft(), 300);
  }

  #flushDraft(): void {
    if (this.#draftTimer === undefined) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    if (this.#main) saveDraft(this.#main.id, this.#quantities);
  }

  // ---------------------------------------------------------------------------------------------
  // Routing preview

  #schedulePreview(delay: number): void {
    clearTimeout(this.#previewTimer);
    const run = ++this.#previewRun;
    this.#previewTimer = setTimeout(() => void this.#updatePreview(run), delay);
  }

  /**
   * Asks the server where the priced lines would be made (`POST /v1/quotes` with `shipTo`): it
   * routes them with core `routeOrder` and the factories' real queues, so the routing code never
   * ships to the browser. No preview without a store, without lines or without a country code.
   */
  async #updatePreview(run: number): Promise<void> {
    const client = this.store.client;
    const lines = plainLines(this.#priced?.quote.lines ?? []);
    const country = (this.#values['shipTo.country'] ?? '').trim();
    let preview: RoutingPreview | undefined;
    if (client && lines.length && /^[a-z]{2}$/i.test(country)) {
      const region = (this.#values['shipTo.region'] ?? '').trim();
      try {
        preview = (await client.quote(lines, { shipTo: { country, region } })).routing;
      } catch {
        // No preview when the store cannot be reached; ordering still works.
      }
    }
    // A later change scheduled its own preview while this one was waiting.
    if (run !== this.#previewRun) return;
    this.#preview = preview;
    this.requestUpdate();
  }

  // ---------------------------------------------------------------------------------------------
  // Buyer fields and submission

  /**
   * The buyer field an `input` or `change` event of the ordering form comes from, its value kept.
   * The event stops here: the host's own `input`/`change` are the matrix cells'.
   */
  #fieldOf(event: Event): FieldDef | undefined {
    event.stopPropagation();
    const target = event.target as HTMLInputElement;
    const field = fieldFor(target.name);
    if (field) this.#values[field.path] = target.value;
    return field;
  }

  #onFieldChange(event: Event): void {
    const path = this.#fieldOf(event)?.path;
    if (!path) return;
    if (path.startsWith('shipTo')) this.#schedulePreview(0);
    // Once a field was reported, check it again as the buyer fixes it.
    if (this.#fieldErrors.has(path)) {
      const message = fieldMessages(fieldIssues(this.#values), this.#values).get(path);
      if (message) this.#fieldErrors.set(path, message);
      else this.#fieldErrors.delete(path);
      this.requestUpdate();
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const priced = this.#priced;
    // (Never once placed: the form is not rendered then.)
    if (this.#isDisabled() || !priced) return;
    const lines = this.lines;
    const issues = fieldIssues(this.#values);
    this.#fieldErrors = fieldMessages(issues, this.#values);
    const problem = !lines.length ? valueMissing() : priced.quote.ok ? '' : quantityProblem();
    if (issues.length || problem) {
      const fieldCount = this.#fieldErrors.size;
      this.#formError = [problem, fieldCount && checkFields(fieldCount)].filter(Boolean).join(' ');
      if (problem) this.#focusAfterUpdate = cellId(this.#firstBadCell() ?? this.#active);
      else this.#focusFirstField();
      this.requestUpdate();
      return;
    }
    void this.#place(orderRequest(this.#values, lines, priced.quote.subtotal));
  }

  /** Places `order` (with a new idempotency key when `newKey`) and shows what the attempt came to. */
  async #place(order: OrderRequest, newKey = false): Promise<void> {
    const client = this.store.client;
    this.#formError = client ? '' : notConfigured();
    if (!client) return this.requestUpdate();
    this.#priceChange = undefined;
    // The buyer may open another offer while the attempt is out: its answer is about this one.
    const ordered = this.#main!;
    const attempt = this.#submission.submit(client, order, newKey);
    this.requestUpdate();
    const outcome = await attempt;
    if (!outcome) return;
    this.requestUpdate();
    const sameOffer = this.#main?.id === ordered.id;
    switch (outcome.kind) {
      case 'placed':
        // Shown whatever offer is open now (the buyer must learn the order was placed), its lines
        // named from the offer they are of.
        this.#placed = outcome.order;
        if (sameOffer) {
          clearTimeout(this.#draftTimer);
          this.#draftTimer = undefined;
        } else this.#extras.set(ordered.id, ordered);
        saveDraft(ordered.id, []);
        this.#focusAfterUpdate = 'confirmation-title';
        this.emit('chain-order-placed', { order: outcome.order });
        return;
      case 'price-changed':
        // A prompt for lines no longer shown (another offer, or quantities changed while the
        // attempt was out) would place them unseen; the next submit asks again.
        if (!sameOffer || JSON.stringify(outcome.order.lines) !== JSON.stringify(plainLines(this.lines)))
          return;
        this.#priceChange = outcome;
        this.#focusAfterUpdate = 'price-changed-title';
        return;
      case 'invalid':
        this.#fieldErrors = fieldMessages(outcome.issues, this.#values);
        this.#formError = rejectedFields();
        this.#focusFirstField('submit');
        return;
      case 'failed':
        this.#focusAfterUpdate = 'submit';
        this.#formError = failureText(outcome);
    }
  }

  #onConfirmPrice(): void {
    const change = this.#priceChange;
    // Shown only between attempts (a second click finds it gone).
    if (!change) return;
    // The fields stay editable under the prompt: send what they hold now, checked again.
    const issues = fieldIssues(this.#values);
    if (issues.length) {
      this.#fieldErrors = fieldMessages(issues, this.#values);
      this.#formError = checkFields(this.#fieldErrors.size);
      this.#focusFirstField();
      this.requestUpdate();
      return;
    }
    this.#priceChange = undefined;
    // A confirmed new price is a new attempt: a new key.
    void this.#place(orderRequest(this.#values, change.order.lines, change.total), true);
  }

  #onCancelPrice(): void {
    this.#priceChange = undefined;
    this.#focusAfterUpdate = 'submit';
    this.requestUpdate();
  }

  #startOver(): void {
    this.#placed = undefined;
    this.#applyLines([]);
    this.#fieldErrors.clear();
    this.#formError = '';
    this.#focusAfterUpdate = cellId(this.#active);
    this.#repaintMatrix();
  }

  /** The input of the matrix cell at `position`, if it is rendered. */
  #cell(position: CellPosition): HTMLInputElement | null {
    return this.renderRoot.querySelector(`#${cellId(position)}`);
  }

  /** The position of the first cell with a violation. */
  #firstBadCell(): CellPosition | undefined {
    return [...(this.#priced?.byCell.keys() ?? [])].map((id) => this.#model?.positions.get(id)).find(Boolean);
  }

  /** Moves the focus to the first field with an error, else to `fallback` (an element id). */
  #focusFirstField(fallback?: string): void {
    const first = [...this.#fieldErrors.keys()][0];
    const id = first ? fieldId(first) : fallback;
    if (id) this.#focusAfterUpdate = id;
  }

  /** Replaces every quantity with `lines`, as the buyer's own edit would. */
  #replaceLines(lines: readonly OrderFormLine[]): void {
    this.#applyLines(lines);
    this.#afterQuantitiesChanged();
    this.#repaintMatrix();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chain-order-form': ChainOrderForm;
  }
}
