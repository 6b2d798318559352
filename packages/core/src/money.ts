/**
 * Money as integer minor units (fen, cents, yen) of an ISO 4217 currency.
 *
 * Floats never touch an amount: arithmetic is on safe integers and refuses anything
 * else, decimal strings are parsed and printed digit by digit, and formatting hands
 * Intl an exact decimal string rather than `amount / 100`.
 */
import { currencyExponent } from './currencies.js';
import { MoneyError } from './money-error.js';
import { plainCurrency } from './number-format.js';

/**
 * Checks that `value` is a safe integer so arithmetic on it stays exact.
 * @throws {MoneyError} `not_integer` or `unsafe_integer`
 */
function assertSafeInteger(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new MoneyError('not_integer', `${what} must be an integer, got ${String(value)}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError('unsafe_integer', `${what} ${value} is beyond Number.MAX_SAFE_INTEGER`);
  }
}

/** Checks a computed result: a product or sum past 2^53 − 1 may already be rounded. */
function checkedResult(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError('unsafe_integer', `${what} is beyond Number.MAX_SAFE_INTEGER`);
  }
  // Normalise −0 so results print and compare as plain 0.
  return value === 0 ? 0 : value;
}

/**
 * Adds two amounts in minor units.
 * @throws {MoneyError} when an input is not a safe integer or the sum is unsafe.
 */
export function addMoney(a: number, b: number): number {
  assertSafeInteger(a, 'amount');
  assertSafeInteger(b, 'amount');
  return checkedResult(a + b, `${a} + ${b}`);
}

/**
 * Adds any number of amounts in minor units; the empty sum is 0.
 * Each partial sum is checked, so an overflow is reported rather than rounded.
 * @throws {MoneyError} when an input is not a safe integer or a partial sum is unsafe.
 */
export function sumMoney(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) {
    assertSafeInteger(amount, 'amount');
    total = checkedResult(total + amount, 'sum');
  }
  return total;
}

/**
 * A line total: `unitPrice` minor units times an integer `quantity`.
 * @throws {MoneyError} when an input is not a safe integer or the product is unsafe.
 */
export function multiplyMoney(unitPrice: number, quantity: number): number {
  assertSafeInteger(unitPrice, 'unit price');
  assertSafeInteger(quantity, 'quantity');
  return checkedResult(unitPrice * quantity, `${unitPrice} × ${quantity}`);
}

/**
 * Splits `amount` into parts proportional to integer `ratios` so that the parts add up
 * to `amount` exactly (largest-remainder method): each part gets the floor of its share,
 * then the units left over go one each to the parts with the largest remainders, ties to
 * the earlier part. A negative amount is split as its absolute value, then negated.
 *
 * Ratios are integers (e.g. quantities, or percentages × 100) because a float ratio would
 * bring back the rounding this function exists to avoid.
 *
 * @example allocate(1000, [1, 1, 1]) // [334, 333, 333]
 * @throws {MoneyError} `invalid_ratios` when ratios are empty, negative, non-integer or all 0;
 *   `not_integer`/`unsafe_integer` for a bad amount.
 */
export function allocate(amount: number, ratios: readonly number[]): number[] {
  assertSafeInteger(amount, 'amount');
  if (ratios.length === 0) throw new MoneyError('invalid_ratios', 'allocate needs at least one ratio');
  let total = 0n;
  for (const ratio of ratios) {
    if (!Number.isSafeInteger(ratio) || ratio < 0) {
      throw new MoneyError('invalid_ratios', `ratio ${String(ratio)} must be a non-negative safe integer`);
    }
    total += BigInt(ratio);
  }
  if (total === 0n) throw new MoneyError('invalid_ratios', 'at least one ratio must be positive');

  // BigInt so amount × ratio cannot lose digits before the division.
  const magnitude = BigInt(Math.abs(amount));
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const ratio of ratios) {
    const share = magnitude * BigInt(ratio);
    const part = share / total;
    parts.push(part);
    remainders.push(share % total);
    given += part;
  }
  let left = Number(magnitude - given); // < ratios.length, so exact
  const order = ratios.map((_, i) => i);
  order.sort((i, j) => {
    const a = remainders[i] ?? 0n;
    const b = remainders[j] ?? 0n;
    return a === b ? i - j : a > b ? -1 : 1;
  });
  for (const i of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1;
  }
  const sign = amount < 0 ? -1 : 1;
  return parts.map((part) => {
    const value = sign * Number(part);
    return value === 0 ? 0 : value;
  });
}

/**
 * The amount as a plain decimal string in major units, exactly: `toMajorUnits(115500, "CNY")`
 * is `"1155.00"`, `toMajorUnits(1155, "JPY")` is `"1155"`, `toMajorUnits(-5, "USD")` is `"-0.05"`.
 * Useful for `<input>` values and for machine-readable output; use {@link formatMoney} for people.
 * @throws {MoneyError} for a non-integer or unsafe amount or an unknown currency.
 */
export function toMajorUnits(amount: number, currency: string): string {
  assertSafeInteger(amount, 'amount');
  const exponent = currencyExponent(currency);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount));
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal string in major units into minor units, exactly:
 * `fromMajorUnits("1155.5", "CNY")` is `115550`. Surrounding spaces are ignored; grouping
 * separators, exponents and locale decimal commas are not accepted (parse those upstream).
 * Extra fraction digits are accepted only when they are zeros (`"1.500"` CNY), because
 * anything else would have to be rounded and a price input should never round silently.
 * @throws {MoneyError} `invalid_decimal` for malformed text or too many significant decimals,
 *   `unsafe_integer` when the result is beyond Number.MAX_SAFE_INTEGER, `unknown_currency`.
 */
export function fromMajorUnits(text: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = DECIMAL.exec(typeof text === 'string' ? text.trim() : '');
  if (!match) throw new MoneyError('invalid_decimal', `${JSON.stringify(text)} is not a decimal number`);
  const [, sign = '', whole = '', fraction = ''] = match;
  if (/[^0]/.test(fraction.slice(exponent))) {
    throw new MoneyError(
      'invalid_decimal',
      `${JSON.stringify(text)} has more than ${exponent} decimal digit(s), the minor unit of ${currency}`,
    );
  }
  const digits = whole + fraction.slice(0, exponent).padEnd(exponent, '0');
  // Any digit string past 2^53 − 1 converts to a number ≥ 2^53, so the check below is exact.
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) {
    throw new MoneyError('unsafe_integer', `${JSON.stringify(text)} is beyond the safe range in ${currency}`);
  }
  return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

// Building an Intl.NumberFormat costs far more than formatting with one, and displays
// format the same locale+currency pair over and over (a 1,000-cell order matrix).
const formatters = new Map<string, Intl.NumberFormat>();
const MAX_FORMATTERS = 64;

function formatterFor(currency: string, locale: string | undefined, exponent: number): Intl.NumberFormat {
  const key = `${locale ?? ''}\u0000${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      // Pin the digits to the ISO exponent: CLDR's display digits differ for some currencies.
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an amount in minor units for people, with exactly the currency's ISO digits:
 * `formatMoney(115500, "CNY", "zh-CN")` → `"¥1,155.00"`, `formatMoney(1155, "JPY", "ja-JP")`
 * → `"￥1,155"`, `formatMoney(1155, "JPY", "zh-CN")` → `"JP¥1,155"`.
 * The number reaches Intl as an exact decimal string, so no float division can round it.
 * @param locale a BCP 47 tag; `undefined` uses the runtime's default locale.
 * @throws {MoneyError} for a non-integer or unsafe amount or an unknown currency;
 *   RangeError from Intl for a malformed locale tag.
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const exponent = currencyExponent(currency);
  const decimal = toMajorUnits(amount, currency);
  // Chinese and English pages in their usual currencies without Intl's number data (see there).
  return (
    plainCurrency(decimal, currency, locale) ??
    formatterFor(currency, locale, exponent).format(decimal as Intl.StringNumericLiteral)
  );
}
