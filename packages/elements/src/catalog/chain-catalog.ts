import { countFormat, type Offer } from '@chainkit/core';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ChainApiClient, OfferQuery } from '../internal/api-client-types.js';
import { StoreController } from '../internal/api-controller.js';
import { isChainApiError } from '../internal/api-error.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { getChainLocale } from '../internal/localization.js';
import { formControls, visuallyHidden } from '../internal/shared-styles.js';
import { styleProps } from '../internal/style-props.js';
import { focusRing } from '../internal/theme.js';
import {
  categoriesOf,
  categoryLabel,
  normalizeCategories,
  type CatalogCategory,
  type CategoryInput,
} from './categories.js';
import styles from './chain-catalog.styles.js';
import { filterOffers } from './filter-offers.js';
import { gridGeometry, type GridGeometry } from './grid-geometry.js';
import { windowRange, type WindowRange } from './grid-window.js';
import { windowCells } from './window-cells.js';
import {
  offerCardView,
  renderOfferCard,
  SAMPLE_OFFER,
  skeletonCard,
  type OfferCardView,
} from './offer-card.js';

/** How `<chain-catalog>` lays out its cards. */
export type CatalogLayout = 'grid' | 'list';

/** `chain-offer-select` detail. */
export interface OfferSelectDetail {
  readonly offerId: string;
  readonly offer: Offer;
}

declare module '../internal/events.js' {
  interface ChainEventMap {
    'chain-offer-select': OfferSelectDetail;
  }
}

/** A cell of the windowed grid: an offer, or `null` for a skeleton while the next page loads. */
type Cell = Offer | null;

/**
 * How far beyond the viewport cards are rendered, in px: about one row of cards, enough to have
 * the next row ready while the buyer scrolls, while the first render — the one the buyer waits
 * for — stays small. A render is asked for only when the rows in view plus half of it are no
 * longer all rendered, so scrolling within the overhang costs no render.
 */
const OVERHANG_PX = 300;

/**
 * @summary A searchable, filterable catalog of wholesale offers that stays smooth at 10,000 offers.
 *
 * @description Loads offers page by page from the order server (`GET /v1/offers`, with `q`,
 * `category` and a cursor), or shows the `offers` given as a property with no network at all
 * (search and category filter then run in the browser). Only the cards in and near the viewport
 * are in the DOM (a windowed grid), and the next page is fetched as the buyer scrolls
 * towards the end, so 10,000 offers stay smooth.
 *
 * Each card shows the offer's first image (lazy), its title in the buyer's locale, its price
 * range, its price ladder in short (`2–99 件 ¥12.00 · ≥100 ¥10.50`) and its MOQ and batch step
 * (`起批 2 件 · 6 件/箱`). A card is a button named by that text: clicking it, or pressing Enter or
 * Space on it, fires `chain-offer-select`.
 *
 * Every card has the same size, taken from a hidden sample card, so positions are exact from the
 * first frame: while the first page loads, skeleton cards stand exactly where the cards will be,
 * and images never move anything when they load. Errors show a message with a Retry button
 * (announced with `role="alert"`); the number of offers is announced politely after each search.
 *
 * Outside a `<chain-store>`, give the element `api` and `key` (or set `offers`). Without either
 * it keeps showing skeletons. Under a `style-src 'self'` Content Security Policy it sets inline
 * styles only through the CSSOM.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The row holding the search box and the category filter.
 * @csspart search - The search `<input>`.
 * @csspart category - The category `<select>`.
 * @csspart list - The list of cards (`role="list"`); it scrolls itself with `scroller`.
 * @csspart card - One offer's card (a `<button>`); every card has the same size.
 * @csspart image - The image box of a card (also on skeletons).
 * @csspart title - The title of a card.
 * @csspart price - The price range of a card.
 * @csspart ladder - The short ladder of a card.
 * @csspart rules - The MOQ and step of a card.
 * @csspart skeleton - A placeholder card while offers load.
 * @csspart empty - The message shown when no offer matches.
 * @csspart error - The message shown when the offers could not be loaded.
 * @csspart more-error - The message shown when the next page could not be loaded.
 * @csspart retry - The Retry buttons.
 * @csspart status - The visually hidden live region announcing results.
 *
 * @cssprop --chain-catalog-card-min-width - Narrowest card in the grid before a column is dropped. Default `11rem`.
 * @cssprop --chain-catalog-gap - Space between cards. Default `--chain-space-3`.
 * @cssprop --chain-catalog-image-height - Height of a card's image in the grid. Default `10rem`.
 * @cssprop --chain-catalog-thumb-size - Image size in the list layout. Default `6.5rem`.
 * @cssprop --chain-catalog-height - Height of the list in `scroller` mode. Default `40rem`.
 * @cssprop --chain-catalog-price-color - Colour of the price range. Default `--chain-color-primary`.
 *
 * @fires chain-offer-select - A card was chosen (click, Enter or Space). Detail: `{ offerId, offer }`.
 */
export class ChainCatalog extends ChainElement {
  static override styles = [hostStyles, focusRing, formControls, styles, visuallyHidden];

  static override properties = {
    api: { type: String },
    key: { type: String },
    locale: { type: String },
    currency: { type: String },
    offers: { attribute: false },
    categories: { attribute: false },
    query: { type: String },
    category: { type: String },
    // Reflected back as it is (Lit's default toAttribute).
    layout: {
      reflect: true,
      converter: { fromAttribute: (value: string | null) => (value === 'list' ? 'list' : 'grid') },
    },
    pageSize: { type: Number, attribute: 'page-size' },
    scroller: { type: Boolean, reflect: true },
  };

  /** Base URL of the order server, when the element is used outside a `<chain-store>`. */
  declare api: string | undefined;
  /** Publishable key, when the element is used outside a `<chain-store>`. */
  declare key: string | undefined;
  /** BCP 47 locale for titles, numbers and money. Default: the store's, else the page's `lang`. */
  declare locale: string | undefined;
  /** ISO 4217 currency of the prices. Default: the store's, else `CNY`. */
  declare currency: string | undefined;
  /** Offers to show instead of loading them: search and filter then run in the browser. */
  declare offers: readonly Offer[] | undefined;
  /** The categories to offer in the filter (ids, or `{ id, label }`). Default: those of the offers. */
  declare categories: readonly CategoryInput[] | undefined;
  /** The search text. Typing in the search box sets it (debounced). */
  declare query: string;
  /** The category id to filter by; empty for all. */
  declare category: string;
  /** `grid` (default) or `list`. */
  declare layout: CatalogLayout;
  /** Offers per request. Default 48. */
  declare pageSize: number;
  /** Makes the list its own scroll box (height `--chain-catalog-height`) instead of scrolling with the page. */
  declare scroller: boolean;

  /** The API client, locale and currency, from the enclosing `<chain-store>` or the element's own attributes. */
  readonly store: StoreController;

  /** Card views of the current locale, currency and text language (`#viewKey`), per offer. */
  #views = new WeakMap<Offer, OfferCardView>();
  #viewKey = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The offers matching the search and filter (loaded so far, in network mode). */
  #visible: readonly Offer[] = [];
  #cells: Cell[] = [];
  /** Categories of the `offers` property, computed once per array. */
  #offerCategories: [readonly Offer[], CatalogCategory[]] | undefined;
  #announcement = '';

  // Network mode: the pages of `GET /v1/offers` for one client and query (cursor paging). A new
  // client or query starts over from the first page (the request in flight is aborted). A failed
  // first page is status 2; a failed next page keeps the offers loaded so far and sets `#error`.
  #client: ChainApiClient | undefined;
  #query: OfferQuery = {};
  #queryKey: string | undefined;
  #abort: AbortController | undefined;
  #cursor: string | null = null;
  /** The first page: 0 not arrived (no client yet, or on its way), 1 arrived, 2 failed. */
  #status = 0;
  /** The offers loaded so far, in order. */
  #loaded: readonly Offer[] = [];
  /** The error of the first page (status 2), or of the last next page until it is retried. */
  #error: unknown;
  /** Whether a next page is on its way. */
  #loadingMore = false;
  /** Set when a first page arrived: the count is announced then. */
  #arrived = false;
  /** Every category seen in the pages of this client, first seen first. */
  #loadedCategories: CatalogCategory[] = [];

  // The grid: the content width, `--chain-catalog-card-min-width`, `--chain-catalog-gap` and the
  // height of a hidden sample card (the probe) give the geometry both the skeletons and the
  // windowed grid are laid out with. Measured after the first render (the probes exist from then
  // on; the element renders again before the first paint: at once, or for an upgrade once the
  // browser has laid the first render out), when the layout changes, and whenever
  // the host or a probe is resized (fonts, themes, width), one frame later so re-rendering never
  // happens inside the ResizeObserver callback.
  #geometry: GridGeometry | undefined;
  #observer: ResizeObserver | undefined;
  #frame = 0;
  /**
   * Upgraded in place: the element was on the page when its tag was registered (the loader's
   * chunk upgrading a parsed page). Its first measurement then waits for the browser's own layout
   * of the first render instead of forcing one inside the upgrade's task (see `firstUpdated`).
   */
  readonly #upgraded = this.isConnected;
  /** The first render is laid out and not yet measured (an upgrade only). */
  #awaitingLayout = false;

  // The window: the cells rendered, for `#count` cells. It follows scrolling (of the list when it
  // scrolls itself; of the page and its light-DOM scroll boxes otherwise) and the viewport's size.
  #rendered: WindowRange = { first: 0, end: 0, before: 0, after: 0 };
  #count = 0;
  #scrollBox: HTMLElement | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.store = new StoreController(this);
    this.query = '';
    this.category = '';
    this.layout = 'grid';
    this.pageSize = 48;
    this.scroller = false;
  }

  /** The offers matching the search and filter (those loaded so far, in network mode). */
  get visibleOffers(): readonly Offer[] {
    return this.#visible;
  }

  /** Whether more offers can be loaded from the server. */
  get hasMore(): boolean {
    return this.offers === undefined && this.#cursor !== null;
  }

  /** Loads the first page again (after an error, or to pick up a new catalog). */
  reload(): void {
    this.#queryKey = undefined;
    this.requestUpdate();
  }

  /** Loads the next page now, if there is one and none is loading. */
  loadMore(): void {
    if (this.hasMore && !this.#loadingMore && this.#status === 1) void this.#fetch(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer ??= new ResizeObserver(() => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => {
        if (this.#measure()) this.requestUpdate();
      });
    });
    // An upgrade's first connection starts watching once its first render is measured.
    if (this.hasUpdated || !this.#upgraded) this.#observe();
    // Capture: `scroll` does not bubble, so this hears every light-DOM scroll box as well.
    addEventListener('scroll', this.#check, { capture: true, passive: true });
    addEventListener('resize', this.#check, { passive: true });
    // Put back after a removal that cut a page short: load it again (see disconnectedCallback).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    removeEventListener('scroll', this.#check, { capture: true });
    removeEventListener('resize', this.#check);
    this.#listen(null);
    this.#observer!.disconnect();
    cancelAnimationFrame(this.#frame);
    // A page cut short is loaded again from the first at the next update.
    if (this.#abort) this.#queryKey = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#loadingMore = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { offers } = this;
    const filterChanged = changed.has('query') || changed.has('category');
    // A `query` set meanwhile (by the page, or Enter) wins over typing still waiting to apply.
    if (changed.has('query')) clearTimeout(this.#searchTimer);
    if (offers) {
      // Stop and forget the network pages: the offers given are shown instead.
      this.#abort?.abort();
      this.#abort = this.#client = this.#queryKey = undefined;
      this.#loadingMore = false;
      this.#cursor = null;
      if (changed.has('offers') || filterChanged) {
        this.#visible = filterOffers(offers, this);
        if (filterChanged) this.#announce();
      }
    } else {
      const client = this.store.client;
      const query = {
        q: this.query.trim() || undefined,
        category: this.category || undefined,
        limit: this.pageSize > 0 ? Math.min(100, Math.trunc(this.pageSize)) : 48,
      };
      const key = JSON.stringify(query);
      if (client !== this.#client || key !== this.#queryKey) {
        if (client !== this.#client) this.#loadedCategories = [];
        this.#client = client;
        this.#queryKey = key;
        this.#query = query;
        if (client) void this.#fetch(false);
        else {
          this.#abort?.abort();
          this.#status = 0;
        }
      }
      this.#visible = this.#loaded;
      if (this.#arrived) {
        this.#arrived = false;
        this.#announce();
      }
    }
    // Not before the first render: the host is still empty, and `updated` measures (with the probes)
    // and renders again before the first paint anyway. Measuring here too would lay out the page
    // twice while it upgrades.
    if (this.hasUpdated && (!this.#geometry || changed.has('layout') || changed.has('scroller'))) {
      this.#measure();
    }
    this.#cells = this.#loadingMore
      ? // Skeletons that finish the last row and add one more while the next page loads.
        [...this.#visible, ...new Array<null>(this.#fill(this.#visible.length)).fill(null)]
      : (this.#visible as Cell[]);
  }

  protected override firstUpdated(): void {
    if (!this.#upgraded) {
      this.#observe();
      return;
    }
    // A ResizeObserver's first report comes after the browser laid out this render and before it
    // paints, when reading sizes costs nothing; the cards then render in time for that same paint.
    // It watches only a probe, which the next render does not resize, so nothing is left
    // unreported (no "ResizeObserver loop" error); the host is watched from the next frame on.
    this.#awaitingLayout = true;
    const laidOut = new ResizeObserver(() => {
      laidOut.disconnect();
      this.#awaitingLayout = false;
      if (this.#measure()) this.requestUpdate();
      requestAnimationFrame(() => {
        if (this.isConnected) this.#observe();
      });
    });
    laidOut.observe(this.renderRoot.querySelector('.probe')!);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#ready() && !this.#awaitingLayout && this.#measure()) this.requestUpdate();
    // The list's own scrolling is not heard on the window: listen to it while it scrolls itself.
    const box = this.scroller ? this.#list() : null;
    if (box !== this.#scrollBox) this.#listen(box);
    // The first render guessed where the list is (it did not exist yet); check against the real one.
    this.#check();
    // Fetch the next page when the rendered cards come within a few rows of the end.
    const { end } = this.#rendered;
    if (end > 0 && end >= this.#cells.length - 3 * (this.#geometry?.columns ?? 1) && !this.#error) {
      this.loadMore();
    }
  }

  protected override render(): TemplateResult {
    const { locale } = this.store;
    const geometry = this.#geometry;
    const key = String([locale, this.store.currency, getChainLocale()]);
    if (key !== this.#viewKey) {
      this.#viewKey = key;
      this.#views = new WeakMap();
    }
    const sample = this.#view(SAMPLE_OFFER);
    const categories = this.#categories();
    const { category } = this;
    return html`
      <div
        part="base"
        ${styleProps(
          geometry
            ? {
                '--_columns': String(geometry.columns),
                '--_card-width': `${geometry.cardWidth}px`,
                '--_card-height': geometry.cardHeight > 0 ? `${geometry.cardHeight}px` : 'auto',
              }
            : {},
        )}
      >
        <div part="toolbar" class="toolbar">
          <div class="field search">
            <label for="search">${msg('Search offers', { id: 'catalog.search' })}</label>
            <input
              id="search"
              part="search"
              type="search"
              autocomplete="off"
              enterkeyhint="search"
              .value=${this.query}
              @input=${this.#onSearch}
              @keydown=${this.#onSearch}
            />
          </div>
          ${
            categories.length === 0
              ? nothing
              : html`<div class="field">
                  <label for="category">${msg('Category', { id: 'catalog.category' })}</label>
                  <select id="category" part="category" @change=${this.#onCategoryChange}>
                    <option value="" ?selected=${!category}>
                      ${msg('All categories', { id: 'catalog.allCategories' })}
                    </option>
                    ${categories.map(
                      (item) =>
                        html`<option value=${item.id} ?selected=${item.id === category}>
                          ${categoryLabel(item, locale)}
                        </option>`,
                    )}
                  </select>
                </div>`
          }
        </div>
        <p part="status" class="visually-hidden" role="status">${this.#announcement}</p>
        ${this.#renderBody()}
        <div class="probe grid-layout" inert aria-hidden="true">
          ${renderOfferCard(sample, -1, 1, this.#onCardClick)}
        </div>
        <div class="probe list-layout" inert aria-hidden="true">
          ${renderOfferCard(sample, -2, 1, this.#onCardClick)}
        </div>
      </div>
    `;
  }

  #renderBody(): TemplateResult {
    const network = !this.offers;
    const status = network ? this.#status : 1;
    if (status === 2) return this.#renderError('error', this.reload);
    const ready = this.#ready();
    const waiting = !status || !ready;
    if (!waiting && !this.#cells.length) {
      const filtered = !!(this.query.trim() || this.category);
      return html`<div part="empty" class="message">
        <p>
          ${
            filtered
              ? msg('No offers match your search.', { id: 'catalog.noMatch' })
              : msg('There are no offers yet.', { id: 'catalog.empty' })
          }
        </p>
        ${
          filtered
            ? html`<button class="action" type="button" @click=${this.#clearFilters}>
                ${msg('Clear search', { id: 'catalog.clear' })}
              </button>`
            : nothing
        }
      </div>`;
    }
    return html`
      ${waiting ? this.#renderSkeletons() : nothing} ${ready ? this.#renderList(waiting) : nothing}
      ${network && this.#error ? this.#renderError('more-error', this.loadMore) : nothing}
    `;
  }

  /** A failed page: what went wrong and a Retry button. */
  #renderError(part: string, retry: () => void): TemplateResult {
    return html`<div part=${part} class="message" role="alert">
      <p>
        ${
          isChainApiError(this.#error, 'network_error')
            ? msg('Could not reach the store. Check your connection and try again.', {
                id: 'catalog.networkError',
              })
            : msg('The offers could not be loaded.', { id: 'catalog.loadError' })
        }
      </p>
      <button part="retry" class="action" type="button" @click=${retry}>
        ${msg('Retry', { id: 'catalog.retry' })}
      </button>
    </div>`;
  }

  /**
   * The windowed grid of cards: only the rows in and near the view are rendered, the rows before
   * and after them are padding. It is on the page, empty and busy, while the skeletons show.
   */
  #renderList(waiting: boolean): TemplateResult {
    const setSize = this.hasMore ? -1 : this.#visible.length;
    const cells = waiting ? [] : this.#cells;
    this.#count = cells.length;
    const { first, end, before, after } = (this.#rendered = this.#needed(OVERHANG_PX));
    const shown = cells.slice(first, end);
    return html`<div
      part="list"
      class="list ${this.layout}-layout"
      role="list"
      aria-label=${msg('Offers', { id: 'catalog.offers' })}
      aria-busy=${waiting || this.#loadingMore}
      ${styleProps({ 'padding-top': `${before}px`, 'padding-bottom': `${after}px` })}
    >
      ${windowCells(
        shown.map((cell, i) => cell?.id ?? `skeleton-${first + i}`),
        shown.map((cell, i) =>
          cell ? renderOfferCard(this.#view(cell), first + i, setSize, this.#onCardClick) : skeletonCard,
        ),
      )}
    </div>`;
  }

  #renderSkeletons(): TemplateResult {
    return html`<div
        class="skeletons ${this.layout}-layout ${this.#geometry ? 'measured' : ''}"
        aria-hidden="true"
      >
        ${new Array((this.#geometry?.columns ?? 1) * (this.layout === 'list' ? 4 : 2)).fill(skeletonCard)}
      </div>
      <p class="visually-hidden">${msg('Loading offers…', { id: 'catalog.loading' })}</p>`;
  }

  /** The card of `offer`, from the cache of the current locale, currency and text language. */
  #view(offer: Offer): OfferCardView {
    let view = this.#views.get(offer);
    if (!view) {
      view = offerCardView(offer, this.store.locale, this.store.currency ?? 'CNY');
      this.#views.set(offer, view);
    }
    return view;
  }

  /** Skeleton cells that finish the row after `count` cards and add one more row. */
  #fill(count: number): number {
    const columns = this.#geometry?.columns ?? 1;
    return ((columns - (count % columns)) % columns) + columns;
  }

  #list(): HTMLElement | null {
    return this.renderRoot.querySelector('[part~="list"]');
  }

  /** Whether the card height is known, so cards can be laid out. */
  #ready(): boolean {
    return (this.#geometry?.cardHeight ?? 0) > 0;
  }

  /** Watches the size of the host and of the probes (once rendered). */
  #observe(): void {
    for (const target of [this, ...this.renderRoot.querySelectorAll('.probe')])
      this.#observer?.observe(target);
  }

  /** Measures the grid and recomputes its geometry; returns whether it changed. */
  #measure(): boolean {
    // The cards share the content width of the list when it scrolls itself, else of the host.
    const width = ((this.scroller && this.#list()) || this).clientWidth;
    if (!(width > 0)) return false;
    // The probe resolves the minimum card width and the gap to px (see `.probe` in the styles).
    // An invalid length leaves `normal` (NaN here), as in the CSS grid: one column, no gap.
    const probe = this.renderRoot.querySelector(`.probe.${this.layout}-layout`)!;
    const { columnGap, rowGap } = getComputedStyle(probe);
    const geometry = gridGeometry(width, {
      minCardWidth: parseFloat(columnGap),
      gap: parseFloat(rowGap) || 0,
      cardHeight: probe.querySelector('.card')!.getBoundingClientRect().height,
      columns: this.layout === 'list' ? 1 : undefined,
    });
    // Four numbers: compared as one string.
    if (String(Object.values(geometry)) === String(Object.values(this.#geometry ?? {}))) return false;
    this.#geometry = geometry;
    return true;
  }

  #listen(box: HTMLElement | null): void {
    this.#scrollBox?.removeEventListener('scroll', this.#check);
    box?.addEventListener('scroll', this.#check, { passive: true });
    this.#scrollBox = box;
  }

  /** The rows in view, plus `overhang` px above and below. */
  #needed(overhang: number): WindowRange {
    const list = this.#list();
    const own = this.scroller && list;
    // Before the list exists, the host's top stands in for it (rendering a little more).
    const top = own ? own.scrollTop : -((list ?? this).getBoundingClientRect().top + (list?.clientTop ?? 0));
    const bottom = top + (own ? own.clientHeight : innerHeight);
    return windowRange(this.#count, this.#geometry!, top - overhang, bottom + overhang);
  }

  /** Renders again when the rows in view, plus half the overhang, are not all rendered. */
  readonly #check = (): void => {
    if (!this.#geometry || !this.#count) return;
    const needed = this.#needed(OVERHANG_PX / 2);
    if (needed.first < this.#rendered.first || needed.end > this.#rendered.end) this.requestUpdate();
  };

  async #fetch(append: boolean): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#error = undefined;
    if (append) this.#loadingMore = true;
    else {
      this.#status = 0;
      this.#loaded = [];
      this.#cursor = null;
      this.#loadingMore = false;
    }
    this.requestUpdate();
    try {
      const page = await this.#client!.listOffers(
        { ...this.#query, cursor: append ? this.#cursor : null },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      this.#loaded = append ? [...this.#loaded, ...page.data] : page.data;
      this.#loadedCategories = normalizeCategories([...this.#loadedCategories, ...categoriesOf(page.data)]);
      this.#cursor = page.nextCursor;
      this.#status = 1;
      this.#arrived ||= !append;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#error = error;
      if (!append) this.#status = 2;
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.#loadingMore = false;
        this.requestUpdate();
      }
    }
  }

  #categories(): CatalogCategory[] {
    const { offers } = this;
    if (this.categories) return normalizeCategories(this.categories);
    if (!offers) return this.#loadedCategories;
    if (this.#offerCategories?.[0] !== offers) this.#offerCategories = [offers, categoriesOf(offers)];
    return this.#offerCategories[1];
  }

  #announce(): void {
    const count = countFormat(this.store.locale)(this.#visible.length);
    this.#announcement = !this.#visible.length
      ? msg('No offers match your search.', { id: 'catalog.noMatch' })
      : this.hasMore
        ? msg(str`${count} offers shown, more load as you scroll`, { id: 'catalog.countMore' })
        : msg(str`${count} offers`, { id: 'catalog.count' });
  }

  /** Typing sets `query` once it pauses (debounced); Enter sets it at once. */
  #onSearch(event: Event): void {
    const { value } = event.target as HTMLInputElement;
    const enter = (event as KeyboardEvent).key === 'Enter';
    if (enter || event.type === 'input') {
      clearTimeout(this.#searchTimer);
      if (enter) this.query = value;
      else this.#searchTimer = setTimeout(() => (this.query = value), 300);
    }
  }

  #onCategoryChange(event: Event): void {
    this.category = (event.target as HTMLSelectElement).value;
  }

  #clearFilters(): void {
    clearTimeout(this.#searchTimer);
    this.query = this.category = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search')!;
    input.value = '';
    input.focus();
  }

  #onCardClick(event: Event): void {
    const offer = this.#visible[Number((event.currentTarget as HTMLElement).dataset['index'])];
    if (offer) this.emit('chain-offer-select', { offerId: offer.id, offer });
  }
}

// The update requested right after the first render (measuring the probes, before the first
// paint) is intended; development builds of Lit warn about any update requested then.
ChainCatalog.disableWarning?.('change-in-update');

declare global {
  interface HTMLElementTagNameMap {
    'chain-catalog': ChainCatalog;
  }
}
