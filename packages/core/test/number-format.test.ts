import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFormat, formatMoney, toMajorUnits } from '../src/index.js';
import { plainCurrency } from '../src/number-format.js';

/** The locales and currencies number-format.ts writes without Intl. */
const PLAIN_LOCALES = ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'en', 'en-US'];
const PLAIN_CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR', 'GBP'];
/** Locales and currencies it must leave to Intl. */
const OTHER_LOCALES = [
  'zh-TW',
  'zh-HK',
  'zh-Hant',
  'en-GB',
  'en-IN',
  'de-DE',
  'fr',
  'ja-JP',
  'ar-EG',
  'hi-IN',
];
const OTHER_CURRENCIES = ['JPY', 'KRW', 'TWD', 'KWD'];

const amounts = fc.oneof(
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: -100_000_000, max: 100_000_000 }),
  fc.constantFrom(0, 1, -1, 99, 100, 999, 1000, 99_999, 100_000, 1_000_000),
);

function intlMoney(amount: number, currency: string, locale: string): string {
  const digits = toMajorUnits(1, currency).split('.')[1]?.length ?? 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajorUnits(amount, currency) as Intl.StringNumericLiteral);
}

describe('number formats without Intl', () => {
  it('writes money exactly as Intl does in the plain-pattern locales and currencies', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLAIN_LOCALES),
        fc.constantFrom(...PLAIN_CURRENCIES),
        amounts,
        (l, c, a) => {
          expect(plainCurrency(toMajorUnits(a, c), c, l)).toBe(intlMoney(a, c, l));
          expect(formatMoney(a, c, l)).toBe(intlMoney(a, c, l));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('writes counts exactly as Intl does in those locales, -0 and non-integers included', () => {
    const numbers = fc.oneof(
      amounts,
      fc.constantFrom(-0, 0.5, 1.5, -2.5, 1234.567, Number.MAX_SAFE_INTEGER + 2, 1e21, Infinity, NaN),
    );
    fc.assert(
      fc.property(fc.constantFrom(...PLAIN_LOCALES), numbers, (l, n) => {
        expect(countFormat(l)(n)).toBe(new Intl.NumberFormat(l, { maximumFractionDigits: 0 }).format(n));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves every other locale and currency to Intl', () => {
    for (const locale of OTHER_LOCALES) {
      expect(plainCurrency('1234.50', 'CNY', locale), locale).toBeUndefined();
      expect(formatMoney(-123456, 'CNY', locale)).toBe(intlMoney(-123456, 'CNY', locale));
      expect(countFormat(locale)(1234567)).toBe(new Intl.NumberFormat(locale).format(1234567));
    }
    for (const currency of OTHER_CURRENCIES) {
      expect(plainCurrency('1234', currency, 'zh-CN'), currency).toBeUndefined();
      expect(formatMoney(123456, currency, 'zh-CN')).toBe(intlMoney(123456, currency, 'zh-CN'));
    }
    // The runtime's default locale is not known here; a tag not in canonical form is not matched.
    expect(plainCurrency('1.00', 'CNY', undefined)).toBeUndefined();
    expect(plainCurrency('1.00', 'CNY', 'zh-cn')).toBeUndefined();
  });

  it('throws for a locale Intl rejects, as before', () => {
    expect(() => countFormat('not a locale!')(1)).toThrow(RangeError);
    expect(() => formatMoney(100, 'CNY', 'not a locale!')).toThrow(RangeError);
  });
});
