import type { Offer } from '@chainkit/core';
import { grid } from '@lit-labs/virtualizer/layouts/grid.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { StoreController } from '../internal/api-controller.js';
import type { ChainApiClient } from '../internal/api-client-types.js';
import { isChainApiError } from '../internal/api-error.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { getChainLocale } from '../internal/localization.js';
import { focusRing } from '../internal/theme.js';
import {
  categoriesOf,
  categoryLabel,
  normalizeCategories,
  type CatalogCategory,
  type CategoryInput,
} from './categories.js';
import styles from './chain-catalog.styles.js';
import { cssLengthToPx } from './css-length.js';
import { filterOffers } from './filter-offers.js';
import { gridGeometry, type GridGeometry } from './grid-geometry.js';
import {
  OfferCardCache,
  renderOfferCard,
  renderSkeletonCard,
  warmCardFormat,
  type CardFormat,
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

type Status = 'waiting' | 'loading' | 'ready' | 'error';

/** A cell of the virtual grid: an offer, or `null` for a skeleton while the next page loads. */
type Cell = Offer | null;

const DEFAULT_PAGE_SIZE = 48;
const SEARCH_DEBOUNCE_MS = 300;
/** Narrowest grid card (11rem at 16px) when `--chain-catalog-card-min-width` is not set. */
const DEFAULT_CARD_MIN_WIDTH = 176;
/** Space between cards (0.75rem at 16px) when `--chain-catalog-gap` is not set. */
const DEFAULT_GAP = 12;
/** Rows of skeletons shown before the first page arrives. */
const SKELETON_ROWS = { grid: 2, list: 4 } as const;
/** Start loading the next page when the last rendered card is this many rows from the end. */
const LOAD_AHEAD_ROWS = 3;

const layoutConverter = {
  fromAttribute: (value: string | null): CatalogLayout => (value === 'list' ? 'list' : 'grid'),
  toAttribute: (value: CatalogLayout): string => value,
};

/**
 * @summary A searchable, filterable catalog of wholesale offers that stays smooth at 10,000 offers.
 *
 * @description Loads offers page by page from the order server (`GET /v1/offers`, with `q`,
 * `category` and a cursor), or shows the `offers` given as a property with no network at all.
 * Only the rows in and near the viewport are in the DOM (`@lit-labs/virtualizer`), and the next
 * page is fetched as the buyer scrolls towards the end.
 *
 * Each card shows the offer's first image, its title in the buyer's locale, its price range, its
 * price ladder in short (`2–99 件 ¥12.00 · ≥100 ¥10.50`) and its MOQ and batch step (`起批 2 件 ·
 * 6 件/箱`). A card is a button: clicking it, or pressing Enter or Space on it, fires
 * `chain-offer-select`.
 *
 * While the first page loads, skeleton cards take exactly the space the cards will take, so the
 * page does not shift. Errors show a message with a Retry button (announced with `role="alert"`);
 * the number of offers shown is announced politely after each search.
 *
 * Outside a `<chain-store>`, give the element `api` and `key` (or set `offers`). Without either
 * it keeps showing skeletons.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The row holding the search box and the category filter.
 * @csspart search - The search `<input>`.
 * @csspart category - The category `<select>`.
 * @csspart list - The scrolling list of cards (`role="list"`).
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
  static override styles = [hostStyles, focusRing, styles];

  static override properties = {
    api: { type: String },
    key: { type: String },
    locale: { type: String },
    currency: { type: String },
    offers: { attribute: false },
    categories: { attribute: false },
    query: { type: String },
    category: { type: String },
    layout: { reflect: true, converter: layoutConverter },
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

  readonly #cards = new OfferCardCache();
  #status: Status = 'waiting';
  #error: unknown;
  /** Loaded pages (network mode). */
  #loaded: readonly Offer[] = [];
  #cursor: string | null = null;
  #loadingMore = false;
  #moreError: unknown;
  #abort: AbortController | undefined;
  /** What the current results were loaded for: client, query, category and page size. */
  #client: ChainApiClient | undefined;
  #requestKey: string | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #resizeFrame = 0;
  #geometry: GridGeometry | undefined;
  /** The virtualizer's layout for `#geometry`, kept while the geometry stays the same. */
  #layoutConfig: ReturnType<typeof grid> | undefined;
  /** The offers matching the search and filter (loaded so far, in network mode). */
  #visible: readonly Offer[] = [];
  #cells: Cell[] = [];
  /** Categories of the `offers` property, computed once per array. */
  #offerCategories: { offers: readonly Offer[]; categories: CatalogCategory[] } | undefined;
  /** Every category seen in loaded pages, so filtering by one keeps the others selectable. */
  #seenCategories: CatalogCategory[] = [];
  #announcement = '';
  /** Announce the result count at the next update (a first page arrived). */
  #announcePending = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.store = new StoreController(this);
    this.query = '';
    this.category = '';
    this.layout = 'grid';
    this.pageSize = DEFAULT_PAGE_SIZE;
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
    this.#requestKey = undefined;
    this.requestUpdate();
  }

  /** Loads the next page now, if there is one and none is loading. */
  loadMore(): void {
    if (!this.hasMore || this.#loadingMore || this.#status !== 'ready') return;
    void this.#fetch(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The grid follows the width and the skeleton's height (fonts, themes). Measuring waits for
    // the next frame: re-rendering inside the observer's callback would resize observed elements
    // in the same frame (a ResizeObserver loop).
    this.#resizeObserver ??= new ResizeObserver(() => {
      cancelAnimationFrame(this.#resizeFrame);
      this.#resizeFrame = requestAnimationFrame(() => {
        if (this.#measure()) this.requestUpdate();
      });
    });
    this.#resizeObserver.observe(this);
    if (this.hasUpdated) this.#observeProbe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    cancelAnimationFrame(this.#resizeFrame);
    clearTimeout(this.#searchTimer);
    this.#abort?.abort();
    this.#abort = undefined;
    // Reconnecting fetches again rather than keeping a half-loaded state.
    if (this.#loadingMore || this.#status === 'loading') this.#requestKey = undefined;
    this.#loadingMore = false;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.#observeProbe();
    // The probes exist only from the first render on: measure them now and render again before
    // the first paint, so skeletons never change size (ChainCatalog allows this one extra update).
    if (this.#measure()) this.requestUpdate();
    // While skeletons show (the offers are on their way), load the locale's number formats.
    if (this.#visible.length === 0) {
      const warm = (): void => warmCardFormat(this.#cardFormat());
      if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 500 });
      else setTimeout(warm);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.offers !== undefined) this.#useOffers(changed);
    else this.#useServer();
    if (this.#geometry === undefined || changed.has('layout') || changed.has('scroller')) this.#measure();
    this.#cells = this.#loadingMore
      ? [...this.#visible, ...this.#skeletonCells()]
      : (this.#visible as Cell[]);
  }

  #useOffers(changed: PropertyValues<this>): void {
    const offers = this.offers ?? [];
    this.#abort?.abort();
    this.#abort = undefined;
    this.#requestKey = undefined;
    this.#client = undefined;
    this.#status = 'ready';
    this.#loadingMore = false;
    this.#cursor = null;
    if (changed.has('offers') || changed.has('query') || changed.has('category')) {
      this.#visible = filterOffers(offers, { query: this.query, category: this.category });
      if (changed.has('query') || changed.has('category')) this.#announce();
    }
  }

  #useServer(): void {
    const client = this.store.client;
    const requestKey = `${this.query.trim()}\u0000${this.category}\u0000${this.pageSize}`;
    if (client !== this.#client || requestKey !== this.#requestKey) {
      if (client !== this.#client) this.#seenCategories = [];
      this.#client = client;
      this.#requestKey = requestKey;
      if (client) void this.#fetch(false);
      else this.#status = 'waiting';
    }
    this.#visible = this.#loaded;
    if (this.#announcePending && this.#status === 'ready') this.#announce();
  }

  protected override render(): TemplateResult {
    const geometry = this.#geometry;
    const vars: Record<string, string> = geometry
      ? {
          '--_columns': String(geometry.columns),
          '--_card-width': `${geometry.cardWidth}px`,
          '--_gap-px': `${geometry.gap}px`,
          '--_card-height': geometry.cardHeight > 0 ? `${geometry.cardHeight}px` : 'auto',
        }
      : {};
    return html`
      <div part="base" class="base" style=${styleMap(vars)}>
        ${this.#renderToolbar()}
        <p part="status" class="visually-hidden" role="status">${this.#announcement}</p>
        ${this.#renderBody()}
        <div class="probe grid-layout" aria-hidden="true">${renderSkeletonCard()}</div>
        <div class="probe list-layout" aria-hidden="true">${renderSkeletonCard()}</div>
      </div>
    `;
  }

  #renderToolbar(): TemplateResult {
    const locale = this.store.locale;
    const categories = this.#categories();
    const selected = this.category;
    return html`
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
            @input=${this.#onSearchInput}
            @keydown=${this.#onSearchKeydown}
          />
        </div>
        ${
          categories.length === 0
            ? nothing
            : html`<div class="field">
                <label for="category">${msg('Category', { id: 'catalog.category' })}</label>
                <select id="category" part="category" @change=${this.#onCategoryChange}>
                  <option value="" ?selected=${selected === ''}>
                    ${msg('All categories', { id: 'catalog.allCategories' })}
                  </option>
                  ${categories.map(
                    (category) =>
                      html`<option value=${category.id} ?selected=${category.id === selected}>
                        ${categoryLabel(category, locale)}
                      </option>`,
                  )}
                </select>
              </div>`
        }
      </div>
    `;
  }

  #renderBody(): TemplateResult {
    if (this.#status === 'waiting' || this.#status === 'loading' || this.#layoutConfig === undefined) {
      return this.#renderSkeletons();
    }
    if (this.#status === 'error') {
      return html`<div part="error" class="message" role="alert">
        <p>${this.#errorText(this.#error)}</p>
        <button part="retry" class="action" type="button" @click=${this.reload}>
          ${msg('Retry', { id: 'catalog.retry' })}
        </button>
      </div>`;
    }
    if (this.#visible.length === 0 && !this.#loadingMore) {
      const filtered = this.query.trim() !== '' || this.category !== '';
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
    const format = this.#cardFormat();
    const setSize = this.hasMore ? -1 : this.#visible.length;
    return html`
      <div
        part="list"
        class="list ${this.#layoutClass()}"
        role="list"
        aria-label=${msg('Offers', { id: 'catalog.offers' })}
        aria-busy=${this.#loadingMore ? 'true' : 'false'}
        @rangeChanged=${this.#onRangeChanged}
      >
        <div virtualizer-sizer aria-hidden="true"></div>
        ${virtualize({
          items: this.#cells,
          scroller: this.scroller,
          layout: this.#layoutConfig,
          keyFunction: (cell: Cell, index: number) => cell?.id ?? `skeleton-${index}`,
          renderItem: (cell: Cell, index: number) =>
            cell === null
              ? renderSkeletonCard()
              : renderOfferCard(this.#cards.get(cell, format), index, setSize, this.#onCardClick),
        })}
      </div>
      ${
        this.#moreError === undefined
          ? nothing
          : html`<div part="more-error" class="message" role="alert">
              <p>${this.#errorText(this.#moreError)}</p>
              <button part="retry" class="action" type="button" @click=${this.#retryMore}>
                ${msg('Retry', { id: 'catalog.retry' })}
              </button>
            </div>`
      }
    `;
  }

  #renderSkeletons(): TemplateResult {
    const rows = SKELETON_ROWS[this.layout === 'list' ? 'list' : 'grid'];
    const count = (this.#geometry?.columns ?? 1) * rows;
    return html`<div
        class="skeletons ${this.#layoutClass()} ${this.#geometry ? 'measured' : ''}"
        aria-hidden="true"
      >
        ${Array.from({ length: count }, () => renderSkeletonCard())}
      </div>
      <p class="visually-hidden">${msg('Loading offers…', { id: 'catalog.loading' })}</p>`;
  }

  /** Skeletons that finish the last row and add one more while the next page loads. */
  #skeletonCells(): Cell[] {
    const columns = this.#geometry?.columns ?? 1;
    const fill = (columns - (this.#visible.length % columns)) % columns;
    return new Array<Cell>(fill + columns).fill(null);
  }

  #layoutClass(): string {
    return this.layout === 'list' ? 'list-layout' : 'grid-layout';
  }

  #categories(): CatalogCategory[] {
    if (this.categories !== undefined) return normalizeCategories(this.categories);
    if (this.offers === undefined) return this.#seenCategories;
    if (this.#offerCategories?.offers !== this.offers) {
      this.#offerCategories = { offers: this.offers, categories: categoriesOf(this.offers) };
    }
    return this.#offerCategories.categories;
  }

  #cardFormat(): CardFormat {
    return {
      locale: this.store.locale,
      currency: this.store.currency ?? 'CNY',
      textLocale: getChainLocale(),
    };
  }

  #observeProbe(): void {
    for (const probe of this.renderRoot.querySelectorAll('.probe')) this.#resizeObserver?.observe(probe);
  }

  /**
   * Measures the content width and the height of a skeleton card of the current layout (a hidden
   * probe) and recomputes the grid. Returns whether the geometry changed. The columns are known
   * from the first render on (skeletons use them); the card height once the probe has rendered.
   */
  #measure(): boolean {
    const probe = this.renderRoot.querySelector<HTMLElement>(
      `.probe.${this.layout === 'list' ? 'list-layout' : 'grid-layout'} .card`,
    );
    const list = this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
    const width = list && this.scroller ? list.clientWidth : this.clientWidth;
    const cardHeight = probe?.getBoundingClientRect().height ?? 0;
    if (!(width > 0)) return false;
    const style = getComputedStyle(this);
    const fontSize = parseFloat(style.fontSize) || 16;
    const rootFontSize = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const px = (name: string, fallback: number): number =>
      cssLengthToPx(style.getPropertyValue(name), fontSize, rootFontSize, fallback);
    const geometry = gridGeometry(width, {
      minCardWidth: px('--chain-catalog-card-min-width', DEFAULT_CARD_MIN_WIDTH),
      gap: px('--chain-catalog-gap', DEFAULT_GAP),
      cardHeight,
      ...(this.layout === 'list' ? { columns: 1 } : {}),
    });
    const previous = this.#geometry;
    if (
      previous &&
      previous.columns === geometry.columns &&
      previous.cardWidth === geometry.cardWidth &&
      previous.cardHeight === geometry.cardHeight &&
      previous.gap === geometry.gap
    ) {
      return false;
    }
    this.#geometry = geometry;
    this.#layoutConfig =
      cardHeight > 0
        ? grid({
            itemSize: { width: `${geometry.cardWidth}px`, height: `${geometry.cardHeight}px` },
            gap: `${geometry.gap}px`,
            padding: '0',
            // Flexing to fill the row, keeping the height: the same columns and widths as the skeletons
            // when the list is fully in view, and still a full row when the page clips it sideways (the
            // virtualizer sizes from the visible width).
            flex: { preserve: 'height' },
            justify: 'start',
          })
        : undefined;
    return true;
  }

  async #fetch(append: boolean): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (append) {
      this.#loadingMore = true;
      this.#moreError = undefined;
    } else {
      this.#status = 'loading';
      this.#loaded = [];
      this.#cursor = null;
      this.#error = undefined;
      this.#moreError = undefined;
      this.#loadingMore = false;
    }
    this.requestUpdate();
    try {
      const page = await client.listOffers(
        {
          q: this.query.trim() || undefined,
          category: this.category || undefined,
          cursor: append ? this.#cursor : null,
          limit: this.pageSize > 0 ? Math.min(100, Math.trunc(this.pageSize)) : DEFAULT_PAGE_SIZE,
        },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      this.#loaded = append ? [...this.#loaded, ...page.data] : page.data;
      this.#seenCategories = normalizeCategories([...this.#seenCategories, ...categoriesOf(page.data)]);
      this.#cursor = page.nextCursor;
      this.#status = 'ready';
      if (!append) this.#announcePending = true;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (append) this.#moreError = error;
      else {
        this.#status = 'error';
        this.#error = error;
      }
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.#loadingMore = false;
        this.requestUpdate();
      }
    }
  }

  #announce(): void {
    this.#announcePending = false;
    const count = new Intl.NumberFormat(this.store.locale).format(this.#visible.length);
    if (this.#visible.length === 0) {
      this.#announcement = msg('No offers match your search.', { id: 'catalog.noMatch' });
    } else if (this.hasMore) {
      this.#announcement = msg(str`${count} offers shown, more load as you scroll`, {
        id: 'catalog.countMore',
      });
    } else {
      this.#announcement = msg(str`${count} offers`, { id: 'catalog.count' });
    }
  }

  #errorText(error: unknown): string {
    if (isChainApiError(error, 'network_error')) {
      return msg('Could not reach the store. Check your connection and try again.', {
        id: 'catalog.networkError',
      });
    }
    return msg('The offers could not be loaded.', { id: 'catalog.loadError' });
  }

  #onSearchInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.query = value;
    }, SEARCH_DEBOUNCE_MS);
  };

  #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    clearTimeout(this.#searchTimer);
    this.query = (event.target as HTMLInputElement).value;
  };

  #onCategoryChange = (event: Event): void => {
    this.category = (event.target as HTMLSelectElement).value;
  };

  #clearFilters = (): void => {
    clearTimeout(this.#searchTimer);
    this.query = '';
    this.category = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (input) {
      input.value = '';
      input.focus();
    }
  };

  #retryMore = (): void => {
    this.#moreError = undefined;
    void this.#fetch(true);
  };

  #onCardClick = (event: MouseEvent): void => {
    const card = event.currentTarget as HTMLElement;
    const offer = this.#visible[Number(card.dataset['index'])];
    if (offer) this.emit('chain-offer-select', { offerId: offer.id, offer });
  };

  #onRangeChanged = (event: Event & { last?: number }): void => {
    if (this.#moreError !== undefined) return;
    const columns = this.#geometry?.columns ?? 1;
    const last = event.last ?? -1;
    if (last >= this.#cells.length - LOAD_AHEAD_ROWS * columns) this.loadMore();
  };
}

// The update requested from firstUpdated (measuring the probes) is intended; Lit warns about any
// update requested after an update in development builds.
ChainCatalog.disableWarning?.('change-in-update');

declare global {
  interface HTMLElementTagNameMap {
    'chain-catalog': ChainCatalog;
  }
}
