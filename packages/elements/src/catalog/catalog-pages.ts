import type { Offer } from '@chainkit/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChainApiClient, OfferQuery } from '../internal/api-client-types.js';
import { categoriesOf, normalizeCategories, type CatalogCategory } from './categories.js';

/** Where the first page stands: no client yet, on its way, arrived, or failed. */
export type PagesStatus = 'waiting' | 'loading' | 'ready' | 'error';

/** What to load: the search text, the category and the page size. */
export type PagesQuery = Pick<OfferQuery, 'q' | 'category' | 'limit'>;

/**
 * The offers of `GET /v1/offers` for one query, page by page (cursor paging), for
 * `<chain-catalog>`. The host calls `sync()` in `willUpdate`; a new client or query starts over
 * from the first page (the request in flight is aborted), the same ones do nothing. `loadMore()`
 * appends the next page. Every change asks the host to update.
 *
 * A failed first page is `status: 'error'`; a failed next page keeps the offers loaded so far and
 * sets `moreError` instead. Disconnecting aborts the request in flight; the next `sync()` after
 * reconnecting starts over if nothing had arrived.
 */
export class CatalogPages implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  // Read by the host, set only here.
  /** Where the first page stands. */
  status: PagesStatus = 'waiting';
  /** The offers loaded so far, in order. */
  offers: readonly Offer[] = [];
  /** The error of the first page, when `status` is `error`. */
  error: unknown;
  /** The error of the last next-page request, until it is retried. */
  moreError: unknown;
  /** Whether a next page is on its way. */
  loadingMore = false;
  /** Every category seen in the pages of this client, first seen first. */
  categories: CatalogCategory[] = [];
  #cursor: string | null = null;
  #abort: AbortController | undefined;
  #client: ChainApiClient | undefined;
  #key: string | undefined;
  #query: PagesQuery = {};
  #arrived = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whether the server has more pages. */
  get hasMore(): boolean {
    return this.#cursor !== null;
  }

  /** True once after a first page arrived: the host announces the count then. */
  takeArrival(): boolean {
    const arrived = this.#arrived;
    this.#arrived = false;
    return arrived;
  }

  /** Loads the first page for `client` and `query` unless it is loaded or loading already. */
  sync(client: ChainApiClient | undefined, query: PagesQuery): void {
    const key = `${query.q ?? ''}\u0000${query.category ?? ''}\u0000${query.limit ?? ''}`;
    if (client === this.#client && key === this.#key) return;
    if (client !== this.#client) this.categories = [];
    this.#client = client;
    this.#key = key;
    this.#query = query;
    if (client) void this.#fetch(false);
    else {
      this.#abort?.abort();
      this.status = 'waiting';
    }
  }

  /** Loads the first page again at the next `sync()`. */
  reset(): void {
    this.#key = undefined;
  }

  /** Stops and forgets everything (the host shows offers given to it instead). */
  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#client = undefined;
    this.#key = undefined;
    this.loadingMore = false;
    this.#cursor = null;
  }

  /** Loads the next page, if there is one and nothing is loading. */
  loadMore(): void {
    if (this.#cursor === null || this.loadingMore || this.status !== 'ready') return;
    void this.#fetch(true);
  }

  hostDisconnected(): void {
    if (this.status === 'loading' || this.loadingMore) this.#key = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.loadingMore = false;
  }

  async #fetch(append: boolean): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.moreError = undefined;
    if (append) this.loadingMore = true;
    else {
      this.status = 'loading';
      this.offers = [];
      this.#cursor = null;
      this.error = undefined;
      this.loadingMore = false;
    }
    this.#host.requestUpdate();
    try {
      const page = await client.listOffers(
        { ...this.#query, cursor: append ? this.#cursor : null },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      this.offers = append ? [...this.offers, ...page.data] : page.data;
      this.categories = normalizeCategories([...this.categories, ...categoriesOf(page.data)]);
      this.#cursor = page.nextCursor;
      this.status = 'ready';
      if (!append) this.#arrived = true;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (append) this.moreError = error;
      else {
        this.status = 'error';
        this.error = error;
      }
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.loadingMore = false;
        this.#host.requestUpdate();
      }
    }
  }
}
