import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMoney,
  allocate,
  CURRENCY_CODES,
  currencyExponent,
  formatMoney,
  fromMajorUnits,
  isCurrency,
  MoneyError,
  multiplyMoney,
  sumMoney,
  toMajorUnits,
} from '../src/index.js';

const NUM_RUNS = Math.max(1000, Number(process.env.FC_NUM_RUNS ?? 1000));

function moneyError(fn: () => unknown): MoneyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return error;
    throw error;
  }
  throw new Error('expected a MoneyError, nothing was thrown');
}

describe('currency table', () => {
  it.each([
    ['CNY', 2],
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['HKD', 2],
    ['TWD', 2],
    ['IDR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['CLP', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['TND', 3],
    ['CLF', 4],
  ])('%s has exponent %i', (code, exponent) => {
    expect(isCurrency(code)).toBe(true);
    expect(currencyExponent(code)).toBe(exponent);
  });

  it.each(['cny', 'XXX', 'XAU', 'HRK', '', 'constructor', '__proto__'])('%j is not a currency', (code) => {
    expect(isCurrency(code)).toBe(false);
    expect(moneyError(() => currencyExponent(code)).code).toBe('unknown_currency');
  });

  it('is a full list of three-letter codes that Intl can format', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    for (const code of CURRENCY_CODES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(() => formatMoney(1, code, 'en-US')).not.toThrow();
    }
  });
});

describe('formatMoney', () => {
  it.each([
    [115500, 'CNY', 'zh-CN', '¥1,155.00'],
    [115500, 'CNY', 'en-US', 'CN¥1,155.00'],
    [1155, 'JPY', 'ja-JP', '￥1,155'],
    [1155, 'JPY', 'zh-CN', 'JP¥1,155'],
    [1155, 'JPY', 'en-US', '¥1,155'],
    [123456, 'USD', 'en-US', '$1,234.56'],
    [5, 'USD', 'en-US', '$0.05'],
    [-5, 'USD', 'en-US', '-$0.05'],
    [0, 'CNY', 'zh-CN', '¥0.00'],
    [1155, 'KWD', 'en-US', 'KWD\u00a01.155'],
    // CLDR would print IDR with no decimals; the ISO exponent (2) wins.
    [150000, 'IDR', 'en-US', 'IDR\u00a01,500.00'],
  ])('%i %s in %s → %s', (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  it('formats the largest safe amount without float rounding', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it.each([1.5, Number.NaN, Infinity, 2 ** 53, '5' as unknown as number])('refuses %s', (amount) => {
    expect(moneyError(() => formatMoney(amount, 'CNY', 'zh-CN')).code).toMatch(/not_integer|unsafe_integer/);
  });

  it('refuses an unknown currency', () => {
    expect(moneyError(() => formatMoney(100, 'ABC', 'en-US')).code).toBe('unknown_currency');
  });
});

describe('arithmetic', () => {
  it('adds, sums and multiplies integers', () => {
    expect(addMoney(115500, 500)).toBe(116000);
    expect(sumMoney([63000, 52500, 0])).toBe(115500);
    expect(sumMoney([])).toBe(0);
    expect(multiplyMoney(1050, 110)).toBe(115500);
    expect(multiplyMoney(-5, 0)).toBe(0);
    expect(Object.is(multiplyMoney(-5, 0), -0)).toBe(false);
  });

  it.each([
    ['addMoney(0.1, 1)', () => addMoney(0.1, 1), 'not_integer'],
    ['addMoney(NaN, 1)', () => addMoney(Number.NaN, 1), 'not_integer'],
    ['addMoney(MAX, 1)', () => addMoney(Number.MAX_SAFE_INTEGER, 1), 'unsafe_integer'],
    ['sumMoney([MAX, 1])', () => sumMoney([Number.MAX_SAFE_INTEGER, 1]), 'unsafe_integer'],
    ['sumMoney([1, 1.5])', () => sumMoney([1, 1.5]), 'not_integer'],
    ['multiplyMoney(1.5, 2)', () => multiplyMoney(1.5, 2), 'not_integer'],
    ['multiplyMoney(100, 1.5)', () => multiplyMoney(100, 1.5), 'not_integer'],
    ['multiplyMoney(2**53, 1)', () => multiplyMoney(2 ** 53, 1), 'unsafe_integer'],
    ['multiplyMoney(2**30, 2**30)', () => multiplyMoney(2 ** 30, 2 ** 30), 'unsafe_integer'],
  ] as const)('%s throws %s', (_name, fn, code) => {
    const error = moneyError(fn);
    expect(error.code).toBe(code);
    expect(error.name).toBe('MoneyError');
    expect(error.message.length).toBeGreaterThan(0);
  });
});

describe('allocate', () => {
  it('hands out the remainder by largest remainder', () => {
    expect(allocate(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(allocate(100, [1, 2])).toEqual([33, 67]);
    expect(allocate(5, [3, 7])).toEqual([2, 3]);
    expect(allocate(-1000, [1, 1, 1])).toEqual([-334, -333, -333]);
    expect(allocate(7, [0, 1])).toEqual([0, 7]);
    expect(allocate(0, [1, 1])).toEqual([0, 0]);
  });

  it.each([
    [[], 'empty'],
    [[0, 0], 'all zero'],
    [[1, -1], 'negative'],
    [[1.5, 1], 'fractional'],
  ])('refuses ratios %j (%s)', (ratios) => {
    expect(moneyError(() => allocate(100, ratios)).code).toBe('invalid_ratios');
  });

  it('parts always sum to the amount and differ from the exact share by less than 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc
          .array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 })
          .filter((r) => r.some((x) => x > 0)),
        (amount, ratios) => {
          const parts = allocate(amount, ratios);
          expect(parts).toHaveLength(ratios.length);
          const sum = parts.reduce((a, b) => a + BigInt(b), 0n);
          expect(sum).toBe(BigInt(amount));
          const total = ratios.reduce((a, b) => a + BigInt(b), 0n);
          parts.forEach((part, i) => {
            expect(Number.isSafeInteger(part)).toBe(true);
            // |part × total − amount × ratio| < total
            const diff = BigInt(part) * total - BigInt(amount) * BigInt(ratios[i] ?? 0);
            expect(diff < total && diff > -total).toBe(true);
          });
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('major-unit strings', () => {
  it.each([
    [115500, 'CNY', '1155.00'],
    [5, 'CNY', '0.05'],
    [-5, 'USD', '-0.05'],
    [1155, 'JPY', '1155'],
    [1155, 'KWD', '1.155'],
    [0, 'CNY', '0.00'],
  ])('%i %s ↔ %s', (amount, currency, text) => {
    expect(toMajorUnits(amount, currency)).toBe(text);
    expect(fromMajorUnits(text, currency)).toBe(amount);
  });

  it.each([
    ['1155.5', 'CNY', 115550],
    ['  12 ', 'CNY', 1200],
    ['+3.10', 'USD', 310],
    ['1.500', 'CNY', 150],
    ['-0', 'CNY', 0],
    ['0.3', 'CNY', 30],
  ])('parses %j %s as %i', (text, currency, amount) => {
    expect(fromMajorUnits(text, currency)).toBe(amount);
  });

  it.each([
    ['1.005', 'CNY', 'invalid_decimal'],
    ['1.5', 'JPY', 'invalid_decimal'],
    ['1,155.00', 'CNY', 'invalid_decimal'],
    ['1e3', 'CNY', 'invalid_decimal'],
    ['', 'CNY', 'invalid_decimal'],
    ['.5', 'CNY', 'invalid_decimal'],
    ['abc', 'CNY', 'invalid_decimal'],
    ['90071992547409.92', 'USD', 'unsafe_integer'],
    ['1', 'XYZ', 'unknown_currency'],
  ])('refuses %j %s (%s)', (text, currency, code) => {
    expect(moneyError(() => fromMajorUnits(text, currency)).code).toBe(code);
  });

  it('round-trips every safe amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('CNY', 'JPY', 'KWD', 'CLF'),
        (amount, currency) => {
          expect(fromMajorUnits(toMajorUnits(amount, currency), currency)).toBe(amount);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
