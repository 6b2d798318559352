/**
 * ISO 4217 currencies and their minor-unit exponents.
 *
 * Money is stored as integer minor units, so the exponent is what turns `115500` into
 * `1,155.00` (CNY, exponent 2) or leaves `1155` as `1,155` (JPY, exponent 0). The table is
 * the ISO 4217 list of active codes with their official minor units — never an assumed /100,
 * and never Intl's display digits (CLDR shows e.g. IDR with 0 digits while ISO says 2; stored
 * amounts must follow the standard so the server and every browser agree).
 *
 * Left out on purpose: codes without a minor unit (precious metals XAU/XAG/XPT/XPD, XDR,
 * XSU, XUA, test/unknown codes XTS/XXX) and withdrawn codes (HRK, SLL, ZWL, …), because
 * none of them can price a wholesale order.
 */
import { MoneyError } from './money-error.js';

/** Currencies whose minor unit is not 2 decimals. Everything listed in {@link CODES_2} has 2. */
const EXPONENTS_OTHER: Readonly<Record<string, number>> = {
  // No minor unit in circulation.
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // Fils / baisa / millime: thousandths.
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // Unidades de fomento / unidad previsional: accounting units with 4 decimals.
  CLF: 4,
  UYW: 4,
};

/** Active ISO 4217 codes with 2 decimal minor units. */
const CODES_2 = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN ' +
  'BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD ' +
  'LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN ' +
  'PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB ' +
  'TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG'
).split(' ');

// A Map (not a plain object) so lookups of names like "constructor" or "__proto__" miss.
const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...CODES_2.map((code): [string, number] => [code, 2]),
  ...Object.entries(EXPONENTS_OTHER),
]);

/** Every ISO 4217 code this package knows, sorted. */
export const CURRENCY_CODES: readonly string[] = Object.freeze([...EXPONENTS.keys()].sort());

/**
 * Whether `code` is an active ISO 4217 currency code this package can price in.
 * Codes are upper case exactly as ISO writes them; `"cny"` is not accepted, so a
 * catalog cannot silently carry two spellings of one currency.
 */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && EXPONENTS.has(code);
}

/**
 * The number of decimal digits of `code`'s minor unit (CNY 2, JPY 0, KWD 3, CLF 4).
 * @throws {MoneyError} `unknown_currency` when `code` is not in the table — guessing 2 would
 *   misprice JPY or KWD by a factor of 100 or 10.
 */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) {
    throw new MoneyError('unknown_currency', `unknown currency code ${JSON.stringify(code)}`);
  }
  return exponent;
}
