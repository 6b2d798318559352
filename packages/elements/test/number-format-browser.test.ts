import { countFormat, formatMoney, toMajorUnits } from '@chainkit/core';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';

/**
 * Core writes Chinese and English numbers and prices without Intl (number-format.ts) because a
 * browser's first Intl.NumberFormat is slow to start; what buyers see must still be exactly what
 * this browser's Intl writes (its ICU and CLDR, not Node's).
 */
const LOCALES = ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'en', 'en-US'];
const CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR', 'GBP'];
const amounts = fc.oneof(
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
);

describe('number formats without Intl, in the browser', () => {
  it("write money and counts exactly as this browser's Intl does", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        amounts,
        (locale, currency, amount) => {
          const intl = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          }).format(toMajorUnits(amount, currency) as Intl.StringNumericLiteral);
          expect(formatMoney(amount, currency, locale)).to.equal(intl);
          expect(countFormat(locale)(amount)).to.equal(
            new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
