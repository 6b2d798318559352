/**
 * One delivery attempt of one webhook message: a signed POST with a timeout, and a
 * verdict on what the answer means.
 *
 * Classification:
 * - 2xx → delivered.
 * - Everything else is retried on the schedule: 408, 429 and 5xx (the receiver is
 *   busy or broken), network errors, refused connections and timeouts, and also the
 *   other 3xx and 4xx answers. Stripe and Shopify retry every non-2xx answer too: a
 *   401/404/410 from a factory's endpoint is nearly always a misconfiguration that the
 *   factory fixes within hours (a rotated secret, a deploy, a moved route), the
 *   schedule is bounded, and a dead message can still be replayed. `retryable` is
 *   therefore always true for a failure; the field is kept so callers can log and count
 *   "client errors" apart from "server errors".
 * - Redirects are not followed (a signed body is for the URL the merchant configured).
 * - `Retry-After` (seconds or an HTTP date) is read from any failed answer and handed to
 *   the schedule, which honours it as a lower bound, capped.
 */
import { webhookHeaders } from '@chainkit/core';

/** Where a message goes and the secret its signature is made with. */
export interface DeliveryTarget {
  readonly url: string;
  /** `whsec_…` */
  readonly secret: string;
}

/** The part of an outbox message an attempt needs. */
export interface DeliveryMessage {
  /** `msg_…`; sent as `webhook-id`, the receiver's deduplication key. */
  readonly id: string;
  /** The exact JSON body, signed and sent byte for byte on every attempt. */
  readonly payload: string;
  readonly eventType: string;
}

export type DeliveryOutcome =
  | { readonly ok: true; readonly status: number; readonly durationMs: number }
  | {
      readonly ok: false;
      /** Always true today (see the module comment); kept for callers that count. */
      readonly retryable: boolean;
      /** The HTTP status, or null when no answer came (network error, timeout). */
      readonly status: number | null;
      /** A short reason for logs and `outbox.last_error`; never a response body. */
      readonly error: string;
      /** What the receiver's `Retry-After` asked for, in milliseconds, if anything. */
      readonly retryAfterMs: number | null;
      readonly durationMs: number;
    };

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface DeliverOptions {
  /** The attempt's time: the signature's timestamp and the base for `Retry-After` dates. */
  readonly now: Date;
  /** Default 15 s. */
  readonly timeoutMs?: number;
  readonly fetch?: FetchLike;
  readonly userAgent?: string;
}

export const DELIVERY_TIMEOUT_MS = 15_000;

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; null if absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date always starts with the day's name (IMF-fixdate, RFC 850 and asctime forms).
  if (!/^[A-Za-z]{3}/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
    const cause = (error as { cause?: unknown }).cause;
    if (cause && typeof cause === 'object') {
      const code = (cause as { code?: unknown }).code;
      if (typeof code === 'string') return `network error ${code}`;
      const message = (cause as { message?: unknown }).message;
      if (typeof message === 'string') return `network error: ${message.slice(0, 200)}`;
    }
    return `network error: ${error.message.slice(0, 200)}`;
  }
  return 'network error';
}

/** Makes one attempt. Never throws: every failure comes back as an outcome. */
export async function deliver(
  target: DeliveryTarget,
  message: DeliveryMessage,
  options: DeliverOptions,
): Promise<DeliveryOutcome> {
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timestamp = Math.floor(options.now.getTime() / 1000);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let signed: Record<string, string>;
  try {
    signed = { ...(await webhookHeaders(target.secret, message.id, timestamp, message.payload)) };
  } catch (error) {
    // A malformed secret in the store file: nothing was sent; retrying after the
    // merchant fixes the file (and replays) is the way out.
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'invalid secret';
    return {
      ok: false,
      retryable: true,
      status: null,
      error: `cannot sign: ${reason}`,
      retryAfterMs: null,
      durationMs: elapsed(),
    };
  }
  let response: Response;
  try {
    response = await doFetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': options.userAgent ?? 'Chainkit-Webhooks/0.1',
        ...signed,
      },
      body: message.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return {
      ok: false,
      retryable: true,
      status: null,
      error: describeError(error, timeoutMs),
      retryAfterMs: null,
      durationMs: elapsed(),
    };
  }
  // The body is not read (it could hold anything); cancelling frees the connection.
  await response.body?.cancel().catch(() => undefined);
  const durationMs = elapsed();
  if (response.status >= 200 && response.status < 300)
    return { ok: true, status: response.status, durationMs };
  const status = response.status;
  const kind =
    status >= 300 && status < 400
      ? 'redirect not followed'
      : status === 408 || status === 429 || status >= 500
        ? 'receiver unavailable'
        : 'rejected by receiver';
  return {
    ok: false,
    retryable: true,
    status,
    error: `HTTP ${status} (${kind})`,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), options.now),
    durationMs,
  };
}
