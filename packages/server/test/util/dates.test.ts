import { describe, expect, it } from 'vitest';
import { dayInTimeZone } from '../../src/util/dates.js';

describe('dayInTimeZone', () => {
  it("gives the store's calendar day, not UTC's", () => {
    const lateUtc = new Date('2026-11-24T17:30:00Z');
    expect(dayInTimeZone(lateUtc, 'Asia/Shanghai')).toBe('2026-11-25');
    expect(dayInTimeZone(lateUtc, 'UTC')).toBe('2026-11-24');
    expect(dayInTimeZone(lateUtc, 'America/Los_Angeles')).toBe('2026-11-24');
  });

  it('keeps each time zone apart when formatters are reused', () => {
    const instant = new Date('2026-12-31T20:00:00Z');
    for (let i = 0; i < 3; i += 1) {
      expect(dayInTimeZone(instant, 'Asia/Shanghai')).toBe('2027-01-01');
      expect(dayInTimeZone(instant, 'Europe/London')).toBe('2026-12-31');
    }
  });

  it('pads years before 1000', () => {
    expect(dayInTimeZone(new Date('0999-06-01T12:00:00Z'), 'UTC')).toBe('0999-06-01');
  });
});
