/**
 * Numbers for people exactly as `Intl.NumberFormat` writes them, without the browser's number
 * data where the output is known.
 *
 * A browser's first `Intl.NumberFormat` loads its number data: 45–70 ms at 4× CPU throttling (a
 * mid-range phone), more than the rest of a shop page's widgets need to start. In the locales
 * Chainkit's pages are mostly written in (Chinese and English as `zh`, `zh-CN`, `zh-Hans`,
 * `zh-Hans-CN`, `en` and `en-US`) and the currencies in `SYMBOLS`, CLDR's pattern is the plain
 * one: a minus sign, the currency symbol, groups of three digits separated by commas, a point.
 * Those are written here; every other locale, currency or value goes to Intl. Property tests in
 * Node and in Chromium (test/number-format.test.ts, and packages/elements/test/
 * number-format-browser.test.ts) hold both to the same output.
 */

/** The canonical tags of the plain-pattern locales, by their language. */
const PLAIN_LOCALE = /^(?:(zh)(?:-Hans)?(?:-CN)?|(en)(?:-US)?)$/;

/** Each language's symbol for the currencies written here (CLDR 48). */
const SYMBOLS: Readonly<Record<'zh' | 'en', Readonly<Record<string, string>>>> = {
  zh: { CNY: '¥', USD: 'US$', HKD: 'HK$', EUR: '€', GBP: '£' },
  en: { CNY: 'CN¥', USD: '$', HKD: 'HK$', EUR: '€', GBP: '£' },
};

const PLAIN_DECIMAL = /^(-?)(\d+)(\.\d+)?$/;

function language(locale: string | undefined): 'zh' | 'en' | undefined {
  const match = locale === undefined ? null : PLAIN_LOCALE.exec(locale);
  return match ? ((match[1] ?? match[2]) as 'zh' | 'en') : undefined;
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(?:\d{3})+$)/g, ',');
}

/**
 * An amount in `currency` as `Intl.NumberFormat(locale, { style: 'currency', currency })` writes
 * it with as many fraction digits as `decimal` has (`"-1234.50"` → `-¥1,234.50` in zh-CN), or
 * `undefined` when that output is not known here (then ask Intl).
 * @param decimal a plain decimal string, as `toMajorUnits` returns.
 */
export function plainCurrency(
  decimal: string,
  currency: string,
  locale: string | undefined,
): string | undefined {
  const lang = language(locale);
  const symbol = lang && SYMBOLS[lang][currency];
  const match = symbol ? PLAIN_DECIMAL.exec(decimal) : null;
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${symbol}${grouped(whole!)}${fraction}`;
}

const counts = new Map<string, (n: number) => string>();

/**
 * A formatter for whole numbers of things (`1,000`), as `Intl.NumberFormat(locale,
 * { maximumFractionDigits: 0 })`; cached per locale. Safe integers in the plain-pattern locales
 * are written here; anything else, or a locale Intl rejects (RangeError), goes to Intl.
 */
export function countFormat(locale: string | undefined): (n: number) => string {
  const key = locale ?? '';
  let format = counts.get(key);
  if (!format) {
    let intl: Intl.NumberFormat | undefined;
    const viaIntl = (n: number): string =>
      (intl ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
    format = language(locale)
      ? (n) =>
          Number.isSafeInteger(n) && !Object.is(n, -0)
            ? (n < 0 ? '-' : '') + grouped(String(Math.abs(n)))
            : viaIntl(n)
      : viaIntl;
    // Locales come from pages and attributes: keep the cache small, as money's formatters.
    if (counts.size >= 64) counts.clear();
    counts.set(key, format);
  }
  return format;
}
