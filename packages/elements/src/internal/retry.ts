/**
 * The browser retry policy (see reliability.md): at most 4 attempts, capped exponential backoff
 * with full jitter, only after a network error or a 408, 429, 502, 503 or 504, honouring
 * `Retry-After`. Pure helpers; the loop lives in `api-client.ts`.
 */

/** Retry settings of an API client. */
export interface RetryOptions {
  /** Total attempts, including the first (1–4; default 4). Values above 4 are clamped to 4. */
  attempts?: number;
  /** Backoff base: the n-th retry waits `random() × min(maxDelayMs, baseDelayMs × 2^(n-1))`. Default 250. */
  baseDelayMs?: number;
  /** Cap of one backoff wait. Default 5,000. */
  maxDelayMs?: number;
  /**
   * A `Retry-After` longer than this is not waited for: the call fails at once with the error
   * (whose `retryAfter` tells the UI how long to wait). Default 20,000.
   */
  maxRetryAfterMs?: number;
}

export const MAX_ATTEMPTS = 4;

export interface ResolvedRetry {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

export function resolveRetry(options: RetryOptions = {}): ResolvedRetry {
  const attempts = Math.trunc(options.attempts ?? MAX_ATTEMPTS);
  return {
    attempts: Math.min(MAX_ATTEMPTS, Math.max(1, Number.isFinite(attempts) ? attempts : MAX_ATTEMPTS)),
    baseDelayMs: Math.max(0, options.baseDelayMs ?? 250),
    maxDelayMs: Math.max(0, options.maxDelayMs ?? 5_000),
    maxRetryAfterMs: Math.max(0, options.maxRetryAfterMs ?? 20_000),
  };
}

/** HTTP statuses worth another attempt. */
const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504]);

/**
 * Whether a response is worth another attempt. Besides the statuses of the policy, a 409
 * `idempotency_key_in_flight` is retried: it only happens when an earlier attempt with the same
 * key is still being processed (its response was lost), and retrying the same key is exactly
 * what resolves it into the replayed response.
 */
export function isRetryableResponse(status: number, code: string | undefined): boolean {
  return RETRYABLE_STATUSES.has(status) || (status === 409 && code === 'idempotency_key_in_flight');
}

/** Full-jitter backoff before retry number `retry` (1 for the first retry). */
export function backoffDelay(retry: number, policy: ResolvedRetry, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date; `undefined` when absent or
 * unparseable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
