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
import type { RetryOptions } from './retry.js';

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

type Signal = AbortSignal | undefined;

/** A load several callers share: its promise, the controller aborting it, the callers waiting. */
interface Shared<T> {
  p: Promise<T>;
  c: AbortController;
  /** Callers still waiting; infinite once a caller without a signal joined (it can never leave). */
  n: number;
}

/**
 * An in-memory cache of GET results with a time to live, that also de-duplicates concurrent
 * identical requests: while a load is pending every caller with the same key shares it. Aborting
 * one caller rejects only that caller (with `aborted`); the shared load is aborted only when
 * every caller waiting on it gave up. Failed loads are not cached. Full, it drops its oldest entry.
 */
interface Cache<T> {
  /** Stores a value (e.g. an offer seen in a list page) as if it had been loaded now. */
  set(key: string, value: T): void;
  /** The fresh cached value, else the pending load, else a new `load(signal)`, cached. */
  get(key: string, load: (signal: AbortSignal) => Promise<T>, signal: Signal): Promise<T>;
  /** Forgets every cached value (pending loads finish but are not stored). */
  clear(): void;
}

/**
 * `promise`, or a rejection with the `aborted` error as soon as `signal` aborts (after `onAbort`,
 * given the signal's reason); without a signal, `promise` itself.
 */
function abortable<T>(promise: Promise<T>, signal: Signal, onAbort?: (reason: unknown) => void): Promise<T> {
  return signal
    ? new Promise<T>((resolve, reject) => {
        const abort = (): void => {
          onAbort?.(signal.reason);
          reject(aborted(signal));
        };
        signal.addEventListener('abort', abort, { once: true });
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
      })
    : promise;
}

const fail = (code: string, message: string, status = 0, cause?: unknown): ChainApiError =>
  new ChainApiError({ status, code, message, cause });

const aborted = (signal: Signal): ChainApiError =>
  fail('aborted', 'The request was aborted', 0, signal?.reason);

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
  const {
    key,
    retry = {},
    random = Math.random,
    timeoutMs = 15_000,
    cacheTtlMs = 60_000,
    now = Date.now,
  } = options;
  // The retry policy (see reliability.md): 1–4 attempts (default 4), full-jitter backoff.
  const tries = Math.trunc(retry.attempts ?? 4);
  const attempts = Number.isFinite(tries) ? Math.min(4, Math.max(1, tries)) : 4;
  const baseDelayMs = Math.max(0, retry.baseDelayMs ?? 250);
  const maxDelayMs = Math.max(0, retry.maxDelayMs ?? 5_000);
  const maxRetryAfterMs = Math.max(0, retry.maxRetryAfterMs ?? 20_000);

  const cache = <T>(maxEntries: number): Cache<T> => {
    const settled = new Map<string, [value: T, expires: number]>();
    const pending = new Map<string, Shared<T>>();
    const set = (key: string, value: T): void => {
      if (cacheTtlMs <= 0) return;
      settled.delete(key);
      // Maps iterate in insertion order: drop the oldest entry.
      if (settled.size >= maxEntries) settled.delete(settled.keys().next().value as string);
      settled.set(key, [value, now() + cacheTtlMs]);
    };
    return {
      set,
      clear() {
        settled.clear();
        pending.clear();
      },
      get(key, load, signal) {
        if (signal?.aborted) return Promise.reject(aborted(signal));
        const hit = settled.get(key);
        if (hit && hit[1] > now()) return Promise.resolve(hit[0]);
        settled.delete(key);
        let shared = pending.get(key);
        if (!shared) {
          const entry = { c: new AbortController(), n: 0 } as Shared<T>;
          const mine = (): boolean => pending.get(key) === entry && pending.delete(key);
          entry.p = load(entry.c.signal).then((value) => {
            if (mine()) set(key, value);
            return value;
          });
          // Callers attach their own handlers; this one also forgets a failed load.
          entry.p.catch(mine);
          pending.set(key, (shared = entry));
        }
        const entry = shared;
        if (!signal) {
          entry.n = Infinity;
          return entry.p;
        }
        entry.n += 1;
        return abortable(entry.p, signal, () => {
          if (--entry.n <= 0 && pending.get(key) === entry) {
            pending.delete(key);
            entry.c.abort(signal.reason);
          }
        });
      },
    };
  };
  const pages = cache<OfferListResponse>(100);
  const offers = cache<Offer>(2_000);
  const factories = cache<readonly Factory[]>(1);

  /** Resolves after `ms`; rejects with `aborted` as soon as `signal` aborts. */
  const sleep = (ms: number, signal: Signal): Promise<unknown> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wait = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
    return abortable(wait, signal, () => clearTimeout(timer));
  };

  /**
   * One call with retries. `bearer`: default the publishable key; `ok`: the statuses that count as
   * success (default 200).
   */
  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    signal: Signal,
    body?: unknown,
    extra: { bearer?: string; idempotencyKey?: string; ok?: number[] } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${extra.bearer ?? key}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (extra.idempotencyKey !== undefined) headers['Idempotency-Key'] = extra.idempotencyKey;
    for (let n = 1; ; n += 1) {
      if (signal?.aborted) throw aborted(signal);
      // One attempt, aborted by its time limit (then a network error) or by the caller.
      const controller = new AbortController();
      const timer = setTimeout(
        () => controller.abort(new DOMException('timed out', 'TimeoutError')),
        timeoutMs,
      );
      const attempt = (options.fetch ?? fetch)(base + path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      }).finally(() => clearTimeout(timer));
      const response = await abortable(attempt, signal, (reason) => controller.abort(reason)).catch(
        (cause: unknown) => {
          if (signal?.aborted) throw aborted(signal);
          return fail('network_error', 'Could not reach the order server', 0, cause);
        },
      );
      let error = response as ChainApiError;
      if (!(response instanceof ChainApiError)) {
        const { status } = response;
        if ((extra.ok ?? [200]).includes(status)) {
          try {
            return (await response.json()) as T;
          } catch (cause) {
            throw invalidResponse(status, cause);
          }
        }
        error = await errorFrom(response);
        // Besides the policy's statuses, a 409 `idempotency_key_in_flight` is retried: an earlier
        // attempt with the same key is still being processed, and retrying it gets its response.
        if (!(
          [408, 429, 502, 503, 504].includes(status) ||
          (status === 409 && error.code === 'idempotency_key_in_flight')
        )) {
          throw error;
        }
      }
      const retryAfterMs = (error.retryAfter ?? 0) * 1000;
      if (n >= attempts || retryAfterMs > maxRetryAfterMs) throw error;
      await sleep(
        Math.max(retryAfterMs, Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1)))),
        signal,
      );
    }
  }

  /**
   * A cached catalog read: `GET path` through `cache` under `cacheKey`, `pick` checking the body
   * and taking the value out (`undefined` for a body of the wrong shape).
   */
  const read = <T>(
    into: Cache<T>,
    cacheKey: string,
    path: string,
    pick: (body: never) => T | undefined,
    signal: Signal,
  ): Promise<T> =>
    into.get(
      cacheKey,
      async (loadSignal) => {
        const value = pick(await request<never>('GET', path, loadSignal));
        if (value === undefined) throw invalidResponse();
        return value;
      },
      signal,
    );

  return {
    api: base,
    key,

    listOffers(query: OfferQuery, { signal }: ApiCallOptions = {}): Promise<OfferListResponse> {
      const params = new URLSearchParams();
      for (const name of ['q', 'category', 'cursor', 'limit'] as const) {
        const value = query[name];
        if (value || (name === 'limit' && value !== undefined)) params.set(name, String(value));
      }
      const search = `${params}`;
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
        signal,
      );
    },

    getOffer(id: string, { signal }: ApiCallOptions = {}): Promise<Offer> {
      // The server wraps the offer (`{ currency, offer, factories }`); a bare offer is taken too.
      return read(
        offers,
        id,
        `/v1/offers/${encodeURIComponent(id)}`,
        (body: { offer?: Offer } | undefined) => {
          const offer = typeof body?.offer === 'object' ? body.offer : (body as Offer | undefined);
          return typeof offer?.id === 'string' ? offer : undefined;
        },
        signal,
      );
    },

    listFactories({ signal }: ApiCallOptions = {}): Promise<readonly Factory[]> {
      return read(
        factories,
        'all',
        '/v1/factories',
        (body: { data?: readonly Factory[] } | undefined) =>
          Array.isArray(body?.data) ? body.data : undefined,
        signal,
      );
    },

    quote(lines: readonly QuoteLineInput[], { shipTo, signal }: QuoteOptions = {}) {
      // Pricing has no side effect, so retrying a POST here is safe.
      return request<QuoteResponse>('POST', '/v1/quotes', signal, shipTo ? { lines, shipTo } : { lines });
    },

    placeOrder(
      order: OrderRequestInput,
      { idempotencyKey, signal }: ApiCallOptions & { idempotencyKey: string },
    ): Promise<OrderResponse> {
      return idempotencyKey
        ? request<OrderResponse>('POST', '/v1/orders', signal, order, { idempotencyKey, ok: [200, 201] })
        : Promise.reject(new TypeError('placeOrder needs an idempotencyKey (one per checkout attempt)'));
    },

    getOrder(id: string, accessToken: string, { signal }: ApiCallOptions = {}): Promise<OrderResponse> {
      return request<OrderResponse>('GET', `/v1/orders/${encodeURIComponent(id)}`, signal, undefined, {
        bearer: accessToken,
      });
    },

    clearCache(): void {
      for (const c of [pages, offers, factories]) c.clear();
    },
  };
}

function invalidResponse(status = 200, cause?: unknown): ChainApiError {
  return fail(
    'invalid_response',
    'The order server sent a response that is not the JSON expected',
    status,
    cause,
  );
}

/**
 * The `ChainApiError` for a non-success response, with `Retry-After` (delta-seconds or an HTTP
 * date) in whole seconds when it is there and readable.
 */
async function errorFrom(response: Response): Promise<ChainApiError> {
  const { status } = response;
  const header = response.headers.get('Retry-After')?.trim();
  const retryAfter = !header
    ? undefined
    : /^\d+$/.test(header)
      ? Number(header)
      : Math.ceil(Math.max(0, Date.parse(header) - Date.now()) / 1000);
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
    retryAfter: Number.isNaN(retryAfter) ? undefined : retryAfter,
  });
}
