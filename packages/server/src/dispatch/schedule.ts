/**
 * When to try a webhook message again.
 *
 * The schedule follows `shared/context/reliability.md` (and the Standard Webhooks /
 * Svix practice it comes from): attempts at about 0 s, 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h and 24 h after the previous failure, each delay stretched or shrunk by up to
 * ±20 % so that many messages failing together do not come back together. After the
 * last attempt fails the message is dead; an admin can replay it.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Delay before each attempt, counted from the previous failure. Index 0 is the first
 * attempt (immediately, when the message is written), so a message gets
 * `RETRY_DELAYS_MS.length` attempts in all.
 */
export const RETRY_DELAYS_MS: readonly number[] = Object.freeze([
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  24 * HOUR,
]);

/** How many attempts a message gets before it is dead. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length;

/** Each delay is multiplied by a factor drawn uniformly from [1 − JITTER, 1 + JITTER). */
export const JITTER = 0.2;

/** The longest wait a receiver's `Retry-After` can ask for; longer requests are cut to this. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;

/** A source of uniform numbers in [0, 1), injected so tests can pin the jitter. */
export type Random = () => number;

export type NextAttempt =
  { readonly kind: 'retry'; readonly at: Date; readonly delayMs: number } | { readonly kind: 'dead' };

/**
 * The delay before the next attempt, given how many attempts have been made (≥ 1),
 * or `null` when that was the last one.
 */
export function retryDelayMs(attemptsMade: number, random: Random = Math.random): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) {
    throw new RangeError(`attemptsMade must be a positive integer, got ${attemptsMade}`);
  }
  const base = RETRY_DELAYS_MS[attemptsMade];
  if (base === undefined) return null;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(base * (1 - JITTER + 2 * JITTER * r));
}

/**
 * What happens after a failed attempt.
 *
 * A `Retry-After` from the receiver is honoured as a lower bound: the message never
 * comes back earlier than the receiver asked, nor earlier than the schedule says (so a
 * receiver answering `Retry-After: 0` cannot burn through every attempt in a second).
 * A request longer than {@link MAX_RETRY_AFTER_MS} is cut to it.
 */
export function nextAttempt(
  attemptsMade: number,
  now: Date,
  options: { readonly random?: Random; readonly retryAfterMs?: number | null } = {},
): NextAttempt {
  const scheduled = retryDelayMs(attemptsMade, options.random);
  if (scheduled === null) return { kind: 'dead' };
  const asked = options.retryAfterMs;
  const honoured =
    asked != null && Number.isFinite(asked) ? Math.min(Math.max(asked, 0), MAX_RETRY_AFTER_MS) : 0;
  const delayMs = Math.max(scheduled, honoured);
  return { kind: 'retry', at: new Date(now.getTime() + delayMs), delayMs };
}
