import type {
  Factory,
  Offer,
  OfferListResponse,
  OrderRequestInput,
  OrderResponse,
  QuoteLineInput,
  QuoteResponse,
} from '@chainkit/core';

/** Per-call options for {@link ChainApiClient} methods. */
export interface ApiCallOptions {
  /** Aborts the call (and any pending retry). */
  signal?: AbortSignal;
}

/** Options of {@link ChainApiClient.quote}. */
export interface QuoteOptions extends ApiCallOptions {
  /** The destination (two-letter country, region): the answer then carries `routing`. */
  shipTo?: { country: string; region?: string };
}

/** Query for `GET /v1/offers`. */
export interface OfferQuery {
  q?: string;
  category?: string;
  cursor?: string | null;
  limit?: number;
}

/**
 * What every element uses to talk to a Chainkit order server. One instance per `<chain-store>`
 * (or per element that takes `api`/`key` itself). Implementations retry idempotently, cache
 * catalog reads, and reject with {@link ChainApiError}.
 */
export interface ChainApiClient {
  listOffers(query: OfferQuery, options?: ApiCallOptions): Promise<OfferListResponse>;
  getOffer(id: string, options?: ApiCallOptions): Promise<Offer>;
  /** The store's public factory list (no keys or endpoints). */
  listFactories(options?: ApiCallOptions): Promise<readonly Factory[]>;
  /** `POST /v1/quotes`: the core's quote; with `options.shipTo`, also the routing preview. */
  quote(lines: readonly QuoteLineInput[], options?: QuoteOptions): Promise<QuoteResponse>;
  /** `POST /v1/orders`; the same `idempotencyKey` must be passed for every retry of one attempt. */
  placeOrder(
    order: OrderRequestInput,
    options: ApiCallOptions & { idempotencyKey: string },
  ): Promise<OrderResponse>;
  /** `GET /v1/orders/:id` with the order's access token. */
  getOrder(id: string, accessToken: string, options?: ApiCallOptions): Promise<OrderResponse>;
}
