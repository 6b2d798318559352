import { describe, expect, it } from 'vitest';
import {
  JITTER,
  MAX_ATTEMPTS,
  MAX_RETRY_AFTER_MS,
  RETRY_DELAYS_MS,
  nextAttempt,
  retryDelayMs,
} from '../../src/dispatch/schedule.js';
import { parseRetryAfter } from '../../src/dispatch/deliver.js';
import { fakeClock } from './support.js';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('retry schedule', () => {
  it('is 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 24 h: eight attempts', () => {
    expect(RETRY_DELAYS_MS).toEqual([0, 5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 24 * H]);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(JITTER).toBe(0.2);
  });

  it('gives the exact delay at the middle of the jitter range and ±20 % at its ends', () => {
    for (let made = 1; made < MAX_ATTEMPTS; made++) {
      const base = RETRY_DELAYS_MS[made] as number;
      expect(retryDelayMs(made, () => 0.5)).toBe(base);
      expect(retryDelayMs(made, () => 0)).toBe(Math.round(base * 0.8));
      expect(retryDelayMs(made, () => 0.999999)).toBeLessThanOrEqual(Math.round(base * 1.2));
      expect(retryDelayMs(made, () => 0.999999)).toBeGreaterThan(Math.round(base * 1.19));
    }
  });

  it('keeps every jittered delay within ±20 % (10,000 draws from Math.random)', () => {
    for (let i = 0; i < 10_000; i++) {
      const made = 1 + (i % (MAX_ATTEMPTS - 1));
      const base = RETRY_DELAYS_MS[made] as number;
      const delay = retryDelayMs(made) as number;
      expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
      expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.2));
    }
  });

  it('spreads delays out: draws are not all the same', () => {
    const seen = new Set(Array.from({ length: 50 }, () => retryDelayMs(3)));
    expect(seen.size).toBeGreaterThan(10);
  });

  it('has no next attempt after the eighth', () => {
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
    expect(nextAttempt(MAX_ATTEMPTS, new Date(0))).toEqual({ kind: 'dead' });
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });

  it('walks the whole schedule on a fake clock: about 41 h 35 min from first to last attempt', () => {
    const clock = fakeClock();
    const start = clock.now().getTime();
    const attempts: number[] = [start];
    for (let made = 1; ; made++) {
      const next = nextAttempt(made, clock.now(), { random: () => 0.5 });
      if (next.kind === 'dead') break;
      clock.set(next.at);
      attempts.push(next.at.getTime());
    }
    expect(attempts).toHaveLength(8);
    expect(attempts.map((t, i) => (i === 0 ? 0 : t - (attempts[i - 1] as number)))).toEqual(RETRY_DELAYS_MS);
    expect((attempts[7] as number) - start).toBe(41 * H + 35 * MIN + 5 * S);
  });
});

describe('Retry-After', () => {
  const now = new Date('2026-01-05T02:00:00.000Z');

  it('parses delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120 * S);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(new Date(now.getTime() + 90 * S).toUTCString(), now)).toBe(90 * S);
    expect(parseRetryAfter(new Date(now.getTime() - 90 * S).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('waits at least as long as the receiver asked', () => {
    const next = nextAttempt(1, now, { random: () => 0.5, retryAfterMs: 10 * MIN });
    expect(next).toEqual({ kind: 'retry', at: new Date(now.getTime() + 10 * MIN), delayMs: 10 * MIN });
  });

  it('never comes back earlier than the schedule, whatever the receiver asked', () => {
    const next = nextAttempt(3, now, { random: () => 0.5, retryAfterMs: 1 * S });
    expect(next.kind === 'retry' && next.delayMs).toBe(30 * MIN);
  });

  it('is capped at 24 h', () => {
    const next = nextAttempt(1, now, { random: () => 0.5, retryAfterMs: 30 * 24 * H });
    expect(next.kind === 'retry' && next.delayMs).toBe(MAX_RETRY_AFTER_MS);
    expect(MAX_RETRY_AFTER_MS).toBe(24 * H);
  });

  it('does not bring a dead message back', () => {
    expect(nextAttempt(MAX_ATTEMPTS, now, { retryAfterMs: 5 * S })).toEqual({ kind: 'dead' });
  });
});
