import { currencyExponent, formatMoney, toMajorUnits } from '@chainkit/core';
import { html, nothing, type PropertyValues } from 'lit';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { LocaleController } from '../internal/locale.js';
import styles from './chain-money.styles.js';

/** How the currency is shown: `¥1,155.00`, `CNY 1,155.00` or `1,155.00人民币` (for zh-CN). */
export type MoneyDisplay = 'symbol' | 'code' | 'name';

const DISPLAYS: readonly MoneyDisplay[] = ['symbol', 'code', 'name'];

/**
 * Reads an amount given as text: optional sign and decimal digits only, so `""` is no amount
 * (not `Number("")`, which is 0) and `"1e3"`, `"0x10"` or `"1155.00"` are refused rather than
 * guessed at. `undefined` when the text is not such an integer.
 */
function parseAmount(text: string): number | undefined {
  const trimmed = text.trim();
  return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

const amountConverter = {
  fromAttribute(value: string | null): number | undefined {
    return value === null ? undefined : parseAmount(value);
  },
};

/**
 * @summary Shows an amount of money, given as integer minor units (fen, cents, yen), formatted
 * for the buyer's locale: `<chain-money amount="115500" currency="CNY">` reads `¥1,155.00` in
 * zh-CN.
 *
 * @description The amount is formatted by `formatMoney` from `@chainkit/core` with the currency's
 * ISO 4217 minor unit, so `amount="1155" currency="JPY"` is `￥1,155` in ja-JP, never `￥11.55`.
 * The locale is, in order: the `locale` attribute, the nearest `lang` attribute on the element or
 * an ancestor (across shadow roots), `<html lang>`, then the browser's language; the element
 * re-renders when any of those `lang` attributes change.
 *
 * Invalid input — no amount, an amount that is not a safe integer, an unknown currency code — does
 * not throw: the element renders nothing (no `base` part) and matches `:state(invalid)`, so a page
 * can hide a label around it, e.g. `.price:has(chain-money:state(invalid)) { display: none }`.
 * A wrong price is worse than none, so nothing is guessed.
 *
 * The text is plain text in a `<span>`; no ARIA is added because the formatted amount reads
 * correctly as it is. The span carries `lang` set to the formatting locale so assistive technology
 * pronounces it in that language. The machine-readable value stays on the host's own `amount` and
 * `currency` attributes in the light DOM (a `<data>` element inside the shadow root would be
 * invisible to crawlers and microdata anyway).
 *
 * @csspart base - The formatted amount. Absent while the input is invalid.
 *
 * @cssprop --chain-money-color - Text colour of the amount. Default: the surrounding text's colour.
 *
 * @cssstate invalid - The input cannot be formatted, so nothing is shown.
 */
export class ChainMoney extends ChainElement {
  static override styles = [hostStyles, styles];

  static override properties = {
    amount: { type: Number, converter: amountConverter },
    currency: { type: String },
    locale: { type: String },
    display: { type: String },
  };

  /**
   * The amount in integer minor units of `currency` (fen for CNY, yen for JPY), e.g. `115500`.
   * A string of decimal digits is accepted too, as frameworks that set properties from template
   * attributes pass one.
   */
  declare amount: number | undefined;
  /** ISO 4217 currency code, e.g. `CNY`. Case-insensitive. */
  declare currency: string | undefined;
  /** BCP 47 locale to format in, e.g. `zh-CN`. Optional: by default it follows the page's `lang`. */
  declare locale: string | undefined;
  /** How to show the currency: `symbol` (default), `code` or `name`. Other values act as `symbol`. */
  declare display: MoneyDisplay;

  readonly #locale = new LocaleController(this, { own: () => this.locale });
  readonly #internals: ElementInternals;
  #text: string | undefined;
  #lang = '';

  constructor() {
    super();
    this.display = 'symbol';
    this.#internals = this.attachInternals();
  }

  /** The text currently shown, or `undefined` when the input is invalid. */
  get formatted(): string | undefined {
    return this.#text;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Recomputed on every update, not only when a property changed: the LocaleController asks
    // for an update when the page's lang changes.
    this.#lang = this.#locale.locale;
    this.#text = formatOrUndefined(this.amount, this.currency, this.#lang, this.display);
    if (this.#text === undefined) this.#internals.states.add('invalid');
    else this.#internals.states.delete('invalid');
  }

  protected override render() {
    if (this.#text === undefined) return nothing;
    return html`<span part="base" lang=${this.#lang}>${this.#text}</span>`;
  }
}

function formatOrUndefined(
  value: unknown,
  currency: unknown,
  locale: string,
  display: MoneyDisplay,
): string | undefined {
  // React 19 and Vue set the `amount` *property* from a template attribute, as a string.
  const amount = typeof value === 'string' ? parseAmount(value) : value;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) return undefined;
  if (typeof currency !== 'string' || currency.trim() === '') return undefined;
  const code = currency.trim().toUpperCase();
  try {
    if (!DISPLAYS.includes(display) || display === 'symbol') return formatMoney(amount, code, locale);
    return formatWithDisplay(amount, code, locale, display);
  } catch {
    // Unknown currency (MoneyError) or a locale Intl rejects (RangeError): show nothing.
    return undefined;
  }
}

const displayFormatters = new Map<string, Intl.NumberFormat>();

/**
 * `formatMoney` with Intl's `currencyDisplay`: the same exact decimal string and ISO digits
 * (from core), shown with the currency's code or name. Kept here until core's `formatMoney`
 * takes a display option.
 */
function formatWithDisplay(amount: number, currency: string, locale: string, display: MoneyDisplay): string {
  const digits = currencyExponent(currency);
  const key = `${locale}\u0000${currency}\u0000${display}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (displayFormatters.size >= 64) displayFormatters.clear();
    displayFormatters.set(key, formatter);
  }
  return formatter.format(toMajorUnits(amount, currency) as Intl.StringNumericLiteral);
}

declare global {
  interface HTMLElementTagNameMap {
    'chain-money': ChainMoney;
  }
}
