import type { Offer } from '@chainkit/core';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { StoreController } from '../internal/api-controller.js';
import { isChainApiError } from '../internal/api-error.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { getChainLocale } from '../internal/localization.js';
import { focusRing } from '../internal/theme.js';
import { CatalogPages } from './catalog-pages.js';
import { renderToolbar } from './catalog-toolbar.js';
import { categoriesOf, normalizeCategories, type CatalogCategory, type CategoryInput } from './categories.js';
import styles from './chain-catalog.styles.js';
import { filterOffers } from './filter-offers.js';
import { GridMeasure } from './grid-measure.js';
import { GridWindow } from './grid-window.js';
import { styleProps, type StyleProps } from '../internal/style-props.js';
import { visuallyHidden } from '../internal/shared-styles.js';
import {
  OfferCardCache,
  renderOfferCard,
  renderSkeletonCard,
  SAMPLE_OFFER,
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

/** A cell of the windowed grid: an offer, or `null` for a skeleton while the next page loads. */
type Cell = Offer | null;

const DEFAULT_PAGE_SIZE = 48;
const SEARCH_DEBOUNCE_MS = 300;
/** Rows of skeletons shown before the first page arrives. */
const SKELETON_ROWS = { grid: 2, list: 4 } as const;
/** Start loading the next page when the last rendered card is this many rows from the end. */
const LOAD_AHEAD_ROWS = 3;

// Reflected back as it is (Lit's default toAttribute).
const layoutConverter = {
  fromAttribute: (value: string | null): CatalogLayout => (value === 'list' ? 'list' : 'grid'),
};

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
  static override styles = [hostStyles, focusRing, styles, visuallyHidden];

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
  readonly #pages = new CatalogPages(this);
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #grid: GridMeasure = new GridMeasure(this, {
    list: () => this.layout === 'list',
    probe: () => this.renderRoot.querySelector<HTMLElement>(`.probe.${this.#layoutClass()} .card`),
    box: (): HTMLElement =>
      (this.scroller ? this.renderRoot.querySelector<HTMLElement>('[part~="list"]') : null) ?? this,
  });
  readonly #window = new GridWindow(this, {
    list: () => this.renderRoot.querySelector<HTMLElement>('[part~="list"]'),
    scroller: () => this.scroller,
  });
  /** The offers matching the search and filter (loaded so far, in network mode). */
  #visible: readonly Offer[] = [];
  #cells: Cell[] = [];
  /** Categories of the `offers` property, computed once per array. */
  #offerCategories: { offers: readonly Offer[]; categories: CatalogCategory[] } | undefined;
  #announcement = '';

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
    return this.offers === undefined && this.#pages.hasMore;
  }

  /** Loads the first page again (after an error, or to pick up a new catalog). */
  reload(): void {
    this.#pages.reset();
    this.requestUpdate();
  }

  /** Loads the next page now, if there is one and none is loading. */
  loadMore(): void {
    if (this.offers === undefined) this.#pages.loadMore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const pages = this.#pages;
    if (this.offers !== undefined) {
      pages.stop();
      if (changed.has('offers') || changed.has('query') || changed.has('category')) {
        this.#visible = filterOffers(this.offers, { query: this.query, category: this.category });
        if (changed.has('query') || changed.has('category')) this.#announce();
      }
    } else {
      pages.sync(this.store.client, {
        q: this.query.trim() || undefined,
        category: this.category || undefined,
        limit: this.pageSize > 0 ? Math.min(100, Math.trunc(this.pageSize)) : DEFAULT_PAGE_SIZE,
      });
      this.#visible = pages.offers;
      if (pages.takeArrival()) this.#announce();
    }
    if (this.#grid.geometry === undefined || changed.has('layout') || changed.has('scroller')) {
      this.#grid.measure();
    }
    this.#cells =
      this.offers === undefined && pages.loadingMore
        ? [...this.#visible, ...this.#skeletonCells()]
        : (this.#visible as Cell[]);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Fetch the next page when the rendered cards come within a few rows of the end.
    const columns = this.#grid.geometry?.columns ?? 1;
    const { end } = this.#window.rendered;
    if (
      end > 0 &&
      end >= this.#cells.length - LOAD_AHEAD_ROWS * columns &&
      this.#pages.moreError === undefined
    ) {
      this.loadMore();
    }
  }

  protected override render(): TemplateResult {
    const geometry = this.#grid.geometry;
    const vars: StyleProps = geometry
      ? {
          '--_columns': String(geometry.columns),
          '--_card-width': `${geometry.cardWidth}px`,
          '--_gap-px': `${geometry.gap}px`,
          '--_card-height': geometry.cardHeight > 0 ? `${geometry.cardHeight}px` : 'auto',
        }
      : {};
    const sample = this.#cards.get(SAMPLE_OFFER, this.#cardFormat());
    return html`
      <div part="base" class="base" ${styleProps(vars)}>
        ${renderToolbar({
          query: this.query,
          categories: this.#categories(),
          category: this.category,
          locale: this.store.locale,
          onSearchInput: this.#onSearchInput,
          onSearchKeydown: this.#onSearchKeydown,
          onCategoryChange: this.#onCategoryChange,
        })}
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

  /** `ready`, or where the first page stands in network mode. */
  #status(): 'waiting' | 'loading' | 'ready' | 'error' {
    return this.offers === undefined ? this.#pages.status : 'ready';
  }

  #renderBody(): TemplateResult {
    const status = this.#status();
    const pages = this.#pages;
    if (status === 'error') return this.#renderError('error', pages.error, this.reload);
    const waiting = status === 'waiting' || status === 'loading' || !this.#grid.ready;
    const loadingMore = this.offers === undefined && pages.loadingMore;
    if (!waiting && this.#visible.length === 0 && !loadingMore) {
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
    const moreError = this.offers === undefined ? pages.moreError : undefined;
    return html`
      ${waiting ? this.#renderSkeletons() : nothing}
      ${this.#grid.ready ? this.#renderList(waiting, loadingMore) : nothing}
      ${moreError === undefined ? nothing : this.#renderError('more-error', moreError, this.loadMore)}
    `;
  }

  /** A failed page: what went wrong and a Retry button. */
  #renderError(part: string, error: unknown, retry: () => void): TemplateResult {
    return html`<div part=${part} class="message" role="alert">
      <p>${this.#errorText(error)}</p>
      <button part="retry" class="action" type="button" @click=${retry}>
        ${msg('Retry', { id: 'catalog.retry' })}
      </button>
    </div>`;
  }

  /**
   * The windowed grid of cards: only the rows in and near the view are rendered, the rows before
   * and after them are padding. It is on the page, empty and busy, while the skeletons show.
   */
  #renderList(waiting: boolean, loadingMore: boolean): TemplateResult {
    const format = this.#cardFormat();
    const setSize = this.hasMore ? -1 : this.#visible.length;
    const cells = waiting ? [] : this.#cells;
    const { first, end, before, after } = this.#window.range(cells.length, this.#grid.geometry!);
    return html`<div
      part="list"
      class="list ${this.#layoutClass()}"
      role="list"
      aria-label=${msg('Offers', { id: 'catalog.offers' })}
      aria-busy=${waiting || loadingMore ? 'true' : 'false'}
      ${styleProps({ 'padding-top': `${before}px`, 'padding-bottom': `${after}px` })}
    >
      ${repeat(
        cells.slice(first, end),
        (cell, i) => cell?.id ?? `skeleton-${first + i}`,
        (cell, i) =>
          cell
            ? renderOfferCard(this.#cards.get(cell, format), first + i, setSize, this.#onCardClick)
            : renderSkeletonCard(),
      )}
    </div>`;
  }

  #renderSkeletons(): TemplateResult {
    const rows = SKELETON_ROWS[this.layout === 'list' ? 'list' : 'grid'];
    const count = (this.#grid.geometry?.columns ?? 1) * rows;
    return html`<div
        class="skeletons ${this.#layoutClass()} ${this.#grid.geometry ? 'measured' : ''}"
        aria-hidden="true"
      >
        ${Array.from({ length: count }, () => renderSkeletonCard())}
      </div>
      <p class="visually-hidden">${msg('Loading offers…', { id: 'catalog.loading' })}</p>`;
  }

  /** Skeletons that finish the last row and add one more while the next page loads. */
  #skeletonCells(): Cell[] {
    const columns = this.#grid.geometry?.columns ?? 1;
    const fill = (columns - (this.#visible.length % columns)) % columns;
    return new Array<Cell>(fill + columns).fill(null);
  }

  #layoutClass(): string {
    return this.layout === 'list' ? 'list-layout' : 'grid-layout';
  }

  #categories(): CatalogCategory[] {
    if (this.categories !== undefined) return normalizeCategories(this.categories);
    if (this.offers === undefined) return this.#pages.categories;
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

  #announce(): void {
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

  #onCardClick = (event: MouseEvent): void => {
    const card = event.currentTarget as HTMLElement;
    const offer = this.#visible[Number(card.dataset['index'])];
    if (offer) this.emit('chain-offer-select', { offerId: offer.id, offer });
  };
}

// The update GridMeasure requests right after the first render (measuring the probes, before the
// first paint) is intended; development builds of Lit warn about any update requested then.
ChainCatalog.disableWarning?.('change-in-update');

declare global {
  interface HTMLElementTagNameMap {
    'chain-catalog': ChainCatalog;
  }
}
