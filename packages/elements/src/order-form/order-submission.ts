import type { FieldIssue, OrderRequest, OrderResponse, Quote } from '@chainkit/core';
import type { ChainApiClient } from '../internal/api-client-types.js';
import { isChainApiError } from '../internal/api-error.js';

/** What one attempt to place the order came to. */
export type SubmitOutcome =
  | { readonly kind: 'placed'; readonly order: OrderResponse }
  /** 409 `price_changed`: nothing was stored; `total` is the server's price for the same lines. */
  | {
      readonly kind: 'price-changed';
      readonly previous: number;
      readonly total: number;
      readonly order: OrderRequest;
    }
  /** 400 `invalid_request` with the fields the server refused. */
  | { readonly kind: 'invalid'; readonly issues: readonly FieldIssue[] }
  /**
   * Anything else. `unknown`: no answer, or a server error (the order may have been stored; a
   * retry of the same order keeps its key, so it cannot be placed twice); `rate-limited`: 429;
   * `rejected`: a definite refusal, named by `code`.
   */
  | {
      readonly kind: 'failed';
      readonly reason: 'unknown' | 'rate-limited' | 'rejected';
      readonly code: string;
    };

/**
 * The attempts of one checkout, keeping the promises of reliability.md:
 *
 * - an attempt gets one `Idempotency-Key` ({@link newIdempotencyKey}), which the API client sends
 *   unchanged on each of its retries (network errors, 408/429/502/503/504);
 * - the buyer trying again after an attempt whose outcome is unknown (no answer, a 5xx, a 409
 *   still in flight) sends the same order with the same key, so the server answers with the order
 *   if the first attempt did go through; a changed order, a definite refusal, a success or a
 *   confirmed new price starts a new key;
 * - while an attempt is in flight, further submits are ignored (ten clicks place one order).
 */
export class OrderSubmission {
  /** The kept key and the body it was sent with. */
  #kept: [key: string, body: string, order: OrderRequest] | undefined;
  #inFlight = false;

  /** True while an attempt is waiting for the server. */
  get inFlight(): boolean {
    return this.#inFlight;
  }

  /**
   * Places `order` through `client`. Resolves with the outcome, or with `null` without sending
   * anything when an attempt is already in flight. `newKey` forces a fresh key (after the buyer
   * confirmed a changed price).
   */
  async submit(client: ChainApiClient, order: OrderRequest, newKey = false): Promise<SubmitOutcome | null> {
    if (this.#inFlight) return null;
    // After an unknown outcome, the same order again is a retry of the kept attempt, whatever
    // total the form now expects: the kept attempt may carry a confirmed new price (and may have
    // been stored), so it is sent again as it was, with its key.
    const kept = this.#kept;
    if (!newKey && kept && sameOrder(kept[2], order)) order = kept[2];
    const body = JSON.stringify(order);
    if (newKey || kept?.[1] !== body) this.#kept = [newIdempotencyKey(), body, order];
    this.#inFlight = true;
    let outcome: SubmitOutcome;
    try {
      outcome = { kind: 'placed', order: await client.placeOrder(order, { idempotencyKey: this.#kept![0] }) };
    } catch (error) {
      outcome = outcomeOf(error, order);
    }
    this.#inFlight = false;
    if (outcome.kind !== 'failed' || outcome.reason !== 'unknown') this.#kept = undefined;
    return outcome;
  }
}

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost): a shop
 * page served over plain http has `getRandomValues` alone, and its buyers must still be able to
 * order.
 */
export function newIdempotencyKey(
  random: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto,
): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  // Version 4, variant 10 (RFC 9562).
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The same order but for `expectedTotal`. */
const sameOrder = (a: OrderRequest, b: OrderRequest): boolean =>
  JSON.stringify({ ...a, expectedTotal: 0 }) === JSON.stringify({ ...b, expectedTotal: 0 });

/** What a failed `placeOrder` means for the buyer. */
export function outcomeOf(error: unknown, order: OrderRequest): SubmitOutcome {
  if (!isChainApiError(error)) return { kind: 'failed', reason: 'rejected', code: 'unknown' };
  const { code, status, details } = error;
  if (code === 'price_changed') {
    const { total, quote } = (details ?? {}) as { total?: unknown; quote?: Quote };
    return {
      kind: 'price-changed',
      previous: order.expectedTotal,
      total: typeof total === 'number' ? total : (quote?.subtotal ?? order.expectedTotal),
      order,
    };
  }
  if (code === 'invalid_request' && Array.isArray(details)) return { kind: 'invalid', issues: details };
  return {
    kind: 'failed',
    reason:
      status === 429
        ? 'rate-limited'
        : error.isNetwork ||
            status >= 500 ||
            status === 408 ||
            code === 'idempotency_key_in_flight' ||
            // A success status whose body was lost (connection cut mid-body): the order was stored.
            code === 'invalid_response'
          ? 'unknown'
          : 'rejected',
    code,
  };
}
