/**
 * In-memory token buckets per credential and client IP: `capacity` requests in a burst,
 * refilled at `refillPerSecond`. An empty bucket answers 429 `rate_limited` with
 * `Retry-After` (whole seconds until one token is back). Per instance: several instances
 * each apply the limit on their own.
 */
export interface RateLimitOptions {
  /** Largest burst (default 120). */
  readonly capacity?: number;
  /** Tokens added per second (default 30). */
  readonly refillPerSecond?: number;
  /** Buckets kept before idle full ones are swept (default 10,000). */
  readonly maxBuckets?: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds to wait before retrying; 0 when allowed. */
  readonly retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class RateLimiter {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #maxBuckets: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions = {}) {
    this.#capacity = Math.max(1, options.capacity ?? 120);
    this.#refillPerMs = Math.max(1e-6, options.refillPerSecond ?? 30) / 1000;
    this.#maxBuckets = Math.max(100, options.maxBuckets ?? 10_000);
  }

  /** Takes one token from the bucket of `id` at time `nowMs`. */
  take(id: string, nowMs: number): RateDecision {
    let bucket = this.#buckets.get(id);
    if (!bucket) {
      if (this.#buckets.size >= this.#maxBuckets) this.#sweep(nowMs);
      bucket = { tokens: this.#capacity, updatedMs: nowMs };
      this.#buckets.set(id, bucket);
    } else {
      const elapsed = Math.max(0, nowMs - bucket.updatedMs);
      bucket.tokens = Math.min(this.#capacity, bucket.tokens + elapsed * this.#refillPerMs);
      bucket.updatedMs = Math.max(bucket.updatedMs, nowMs);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    const waitMs = (1 - bucket.tokens) / this.#refillPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Drops buckets that have refilled completely (they behave like new ones). */
  #sweep(nowMs: number): void {
    for (const [id, bucket] of this.#buckets) {
      const tokens = bucket.tokens + Math.max(0, nowMs - bucket.updatedMs) * this.#refillPerMs;
      if (tokens >= this.#capacity) this.#buckets.delete(id);
    }
    // Still full of active clients: drop the oldest half rather than grow without bound.
    if (this.#buckets.size >= this.#maxBuckets) {
      let drop = Math.floor(this.#buckets.size / 2);
      for (const id of this.#buckets.keys()) {
        if (drop-- <= 0) break;
        this.#buckets.delete(id);
      }
    }
  }
}
