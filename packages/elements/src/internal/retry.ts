/**
 * The browser retry policy (see reliability.md): at most 4 attempts, capped exponential backoff
 * with full jitter, only after a network error or a 408, 429, 502, 503 or 504, honouring
 * `Retry-After`. The loop lives in `api-client.ts`.
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
