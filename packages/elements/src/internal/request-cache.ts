/**
 * An in-memory cache of GET results with a time to live, that also de-duplicates concurrent
 * identical requests: while a load is pending every caller with the same key shares it.
 *
 * Each caller may pass its own `AbortSignal`. Aborting one caller rejects only that caller; the
 * shared load goes on for the others and is aborted only when every caller waiting on it gave
 * up. Failed loads are not cached.
 */
export class RequestCache<T> {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #settled = new Map<string, { value: T; expires: number }>();
  readonly #pending = new Map<string, Pending<T>>();

  constructor(options: { ttlMs: number; now?: () => number; maxEntries?: number }) {
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
    this.#maxEntries = options.maxEntries ?? 500;
  }

  /** A fresh cached value, or `undefined`. */
  peek(key: string): T | undefined {
    const hit = this.#settled.get(key);
    if (!hit) return undefined;
    if (hit.expires > this.#now()) return hit.value;
    this.#settled.delete(key);
    return undefined;
  }

  /** Stores a value (e.g. an offer seen in a list page) as if it had been loaded now. */
  set(key: string, value: T): void {
    if (this.#ttlMs <= 0) return;
    this.#settled.delete(key);
    if (this.#settled.size >= this.#maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.#settled.keys().next().value;
      if (oldest !== undefined) this.#settled.delete(oldest);
    }
    this.#settled.set(key, { value, expires: this.#now() + this.#ttlMs });
  }

  /**
   * The cached value for `key`, else the pending load for `key`, else a new `load(signal)` whose
   * result is cached. `load` receives a signal that aborts when every waiting caller aborted.
   */
  get(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const hit = this.peek(key);
    if (hit !== undefined) return Promise.resolve(hit);
    let pending = this.#pending.get(key);
    if (!pending) {
      const controller = new AbortController();
      const promise = load(controller.signal).then(
        (value) => {
          if (this.#pending.get(key) === entry) {
            this.#pending.delete(key);
            this.set(key, value);
          }
          return value;
        },
        (error: unknown) => {
          if (this.#pending.get(key) === entry) this.#pending.delete(key);
          throw error;
        },
      );
      // Callers attach their own handlers; this one keeps an abandoned load from being "unhandled".
      promise.catch(() => undefined);
      const entry: Pending<T> = { promise, controller, waiters: 0 };
      pending = entry;
      this.#pending.set(key, entry);
    }
    return this.#wait(key, pending, signal);
  }

  /** Forgets every cached value (pending loads finish but are not stored). */
  clear(): void {
    this.#settled.clear();
    this.#pending.clear();
  }

  #wait(key: string, pending: Pending<T>, signal: AbortSignal | undefined): Promise<T> {
    if (!signal) {
      pending.waiters = Number.POSITIVE_INFINITY;
      return pending.promise;
    }
    pending.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        pending.waiters -= 1;
        if (pending.waiters <= 0 && this.#pending.get(key) === pending) {
          this.#pending.delete(key);
          pending.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}

interface Pending<T> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  /** Callers still waiting; infinite once a caller without a signal joined (it can never leave). */
  waiters: number;
}
