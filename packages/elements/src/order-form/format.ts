import { countFormat, formatMoney } from '@chainkit/core';
import type { CountFormat } from './violation-text.js';

/** Formatters for one locale and currency, handed to the order form's template parts. */
export interface Formats {
  readonly locale: string;
  /** Minor units → `¥1,155.00`; `—` when the currency is unknown. */
  money(amount: number): string;
  count: CountFormat;
  /** `YYYY-MM-DD` → a date in the locale's medium style. */
  date(day: string): string;
}

const dates = new Map<string, Intl.DateTimeFormat>();

export function formats(locale: string, currency: string): Formats {
  return {
    locale,
    money(amount) {
      try {
        return formatMoney(amount, currency, locale);
      } catch {
        return '—';
      }
    },
    count: countFormat(locale),
    date(day) {
      let format = dates.get(locale);
      if (!format)
        dates.set(
          locale,
          (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })),
        );
      const time = Date.parse(`${day}T00:00:00Z`);
      return Number.isNaN(time) ? day : format.format(time);
    },
  };
}
