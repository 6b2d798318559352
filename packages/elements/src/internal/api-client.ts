import type {
  Factory,
  Offer,
  OfferListResponse,
  OrderRequestInput,
  OrderResponse,
  QuoteResponse,
  QuoteLineInput,
} from '@chainkit/core';
import type { ApiCallOptions, ChainApiClient, OfferQuery, QuoteOptions } from './api-client-types.js';
import { ChainApiError } from './api-error.js';
import { RequestCache } from './request-cache.js';
import {
  backoffDelay,
  isRetryableResponse,
  parseRetryAfter,
  resolveRetry,
  sleep,
  type RetryOptions,
} from './retry.js';

/** Options for {@link createApiClient}. */
export interface ApiClientOptions {
  /** The order server's base URL, absolute or relative to the page: `https://orders.example`, `/api`. */
  api: string;
  /** The publishable key, `pk_test_…` or `pk_live_…`. Sent as `Authorization: Bearer <key>`. */
  key: string;
  /** The `fetch` to use (tests). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Retry policy; see {@link RetryOptions}. `{ attempts: 1 }` turns retries off. */
  retry?: RetryOptions;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** How long catalog reads (offer pages, offers, factories) stay cached. Default 60,000 ms; 0 disables. */
  cacheTtlMs?: number;
  /** Time limit of one attempt; a slow attempt counts as a network error. Default 15,000 ms. */
  timeoutMs?: number;
  /** Clock for the cache (tests). Default `Date.now`. */
  now?: () => number;
}

/** The client {@link createApiClient} returns: the contract plus cache control. */
export interface CachingApiClient extends ChainApiClient {
  /** The base URL and key it was made with (the key is publishable, so this is not a secret). */
  readonly api: string;
  readonly key: string;
  /** Forgets cached catalog reads, e.g. after the merchant imported a new catalog. */
  clearCache(): void;
}

interface RequestSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /** Bearer credential; default the publishable key. */
  readonly bearer?: string;
  readonly idempotencyKey?: string;
  /** Statuses that count as success; default 200. */
  readonly ok?: readonly number[];
}

/** `GET /v1/offers/:id` answers the offer with its currency and the factories that make it. */
interface OfferResponseBody {
  readonly offer: Offer;
}

interface FactoryListBody {
  readonly data: readonly Factory[];
}

/**
 * Creates the API client the elements use (`<chain-store>` makes one; an element outside a
 * store makes its own from its `api`/`key`).
 *
 * - Every call sends `Authorization: Bearer <key>` (the order's access token for `getOrder`).
 * - Retries per the browser policy: ≤ 4 attempts, full-jitter backoff, only after network errors
 *   (and attempt timeouts) or 408/429/502/503/504, waiting at least `Retry-After`; `placeOrder`
 *   sends the caller's `Idempotency-Key` unchanged on every attempt, so a retry can never
 *   create a second order.
 * - `listOffers`, `getOffer` and `listFactories` are cached in memory (60 s) and concurrent
 *   identical calls share one request; offers seen in a list page also fill the `getOffer` cache.
 * - Every failure rejects with {@link ChainApiError}: the server's `{ error: { code, message,
 *   details } }`, or `network_error`, `aborted`, `invalid_response`.
 * - Nothing is logged and nothing is stored outside memory.
 */
export function createApiClient(options: ApiClientOptions): CachingApiClient {
  const base = options.api.replace(/\/+$/, '');
  const key = options.key;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const policy = resolveRetry(options.retry);
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const ttlMs = options.cacheTtlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const pages = new RequestCache<OfferListResponse>({ ttlMs, now, maxEntries: 100 });
  const offers = new RequestCache<Offer>({ ttlMs, now, maxEntries: 2_000 });
  const factories = new RequestCache<readonly Factory[]>({ ttlMs, now, maxEntries: 1 });

  async function attempt(spec: RequestSpec, signal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${spec.bearer ?? key}`,
    };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.idempotencyKey !== undefined) headers['Idempotency-Key'] = spec.idempotencyKey;
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DOMException('timed out', 'TimeoutError')),
      timeoutMs,
    );
    try {
      return await doFetch(`${base}${spec.path}`, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function request<T>(spec: RequestSpec, signal: AbortSignal | undefined): Promise<T> {
    for (let n = 1; ; n += 1) {
      if (signal?.aborted) throw aborted(signal);
      let response: Response;
      try {
        response = await attempt(spec, signal);
      } catch (cause) {
        if (signal?.aborted) throw aborted(signal);
        const error = new ChainApiError({
          status: 0,
          code: 'network_error',
          message: 'Could not reach the order server',
          cause,
        });
        if (n >= policy.attempts) throw error;
        await wait(backoffDelay(n, policy, random), signal);
        continue;
      }
      if ((spec.ok ?? [200]).includes(response.status)) return readJson<T>(response);
      const error = await errorFrom(response);
      if (n >= policy.attempts || !isRetryableResponse(error.status, error.code)) throw error;
      const retryAfterMs = error.retryAfter === undefined ? undefined : error.retryAfter * 1000;
      if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) throw error;
      await wait(Math.max(retryAfterMs ?? 0, backoffDelay(n, policy, random)), signal);
    }
  }

  async function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch {
      throw aborted(signal);
    }
  }

  /**
   * A cached catalog read: `GET path` through `cache` under `cacheKey`, `pick` checking the body
   * and taking the value out (it returns `undefined` for a body of the wrong shape); an abort of
   * this caller becomes `aborted`.
   */
  async function read<T>(
    cache: RequestCache<T>,
    cacheKey: string,
    path: string,
    pick: (body: never) => T | undefined,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    try {
      return await cache.get(
        cacheKey,
        async (loadSignal) => {
          const value = pick(await request<never>({ method: 'GET', path }, loadSignal));
          if (value === undefined) throw invalidResponse();
          return value;
        },
        signal,
      );
    } catch (error) {
      if (!(error instanceof ChainApiError) && signal?.aborted) throw aborted(signal);
      throw error;
    }
  }

  return {
    api: base,
    key,

    listOffers(query: OfferQuery, callOptions: ApiCallOptions = {}): Promise<OfferListResponse> {
      const params = new URLSearchParams();
      for (const name of ['q', 'category', 'cursor', 'limit'] as const) {
        const value = query[name];
        if (value || (name === 'limit' && value !== undefined)) params.set(name, String(value));
      }
      const search = params.toString();
      const path = `/v1/offers${search ? `?${search}` : ''}`;
      return read(
        pages,
        path,
        path,
        (page: OfferListResponse | undefined) => {
          if (!Array.isArray(page?.data)) return undefined;
          for (const offer of page.data) offers.set(offer.id, offer);
          return page;
        },
        callOptions.signal,
      );
    },

    getOffer(id: string, callOptions: ApiCallOptions = {}): Promise<Offer> {
      // The server wraps the offer (`{ currency, offer, factories }`); a bare offer is taken too.
      return read(
        offers,
        id,
        `/v1/offers/${encodeURIComponent(id)}`,
        (body: OfferResponseBody | Offer | undefined) => {
          const offer =
            body && 'offer' in body && typeof body.offer === 'object' ? body.offer : (body as Offer);
          return typeof offer?.id === 'string' ? offer : undefined;
        },
        callOptions.signal,
      );
    },

    listFactories(callOptions: ApiCallOptions = {}): Promise<readonly Factory[]> {
      return read(
        factories,
        'all',
        '/v1/factories',
        (body: FactoryListBody | undefined) => (Array.isArray(body?.data) ? body.data : undefined),
        callOptions.signal,
      );
    },

    quote(lines: readonly QuoteLineInput[], callOptions: QuoteOptions = {}) {
      // Pricing has no side effect, so retrying a POST here is safe.
      const { shipTo } = callOptions;
      return request<QuoteResponse>(
        { method: 'POST', path: '/v1/quotes', body: shipTo ? { lines, shipTo } : { lines } },
        callOptions.signal,
      );
    },

    placeOrder(
      order: OrderRequestInput,
      callOptions: ApiCallOptions & { idempotencyKey: string },
    ): Promise<OrderResponse> {
      if (!callOptions.idempotencyKey) {
        return Promise.reject(new TypeError('placeOrder needs an idempotencyKey (one per checkout attempt)'));
      }
      return request<OrderResponse>(
        {
          method: 'POST',
          path: '/v1/orders',
          body: order,
          idempotencyKey: callOptions.idempotencyKey,
          ok: [200, 201],
        },
        callOptions.signal,
      );
    },

    getOrder(id: string, accessToken: string, callOptions: ApiCallOptions = {}): Promise<OrderResponse> {
      return request<OrderResponse>(
        { method: 'GET', path: `/v1/orders/${encodeURIComponent(id)}`, bearer: accessToken },
        callOptions.signal,
      );
    },

    clearCache(): void {
      for (const cache of [pages, offers, factories]) cache.clear();
    },
  };
}

function aborted(signal: AbortSignal | undefined): ChainApiError {
  return new ChainApiError({
    status: 0,
    code: 'aborted',
    message: 'The request was aborted',
    cause: signal?.reason,
  });
}

function invalidResponse(status = 200, cause?: unknown): ChainApiError {
  return new ChainApiError({
    status,
    code: 'invalid_response',
    message: 'The order server sent a response that is not the JSON expected',
    cause,
  });
}

async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw invalidResponse(response.status, cause);
  }
}

/** The `ChainApiError` for a non-success response. */
async function errorFrom(response: Response): Promise<ChainApiError> {
  const { status } = response;
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  const error = typeof body?.error?.code === 'string' ? body.error : undefined;
  return new ChainApiError({
    status,
    code: error ? (error.code as string) : `http_${status}`,
    message: error
      ? typeof error.message === 'string'
        ? error.message
        : `HTTP ${status}`
      : `The order server answered HTTP ${status}`,
    details: error?.details,
    ...(retryAfterMs === undefined ? {} : { retryAfter: Math.ceil(retryAfterMs / 1000) }),
  });
}
