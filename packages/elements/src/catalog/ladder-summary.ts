import type { TierRow } from '@chainkit/core';

/** How {@link ladderSummary} writes quantities, money and the sales unit. */
export interface LadderSummaryFormat {
  /** A quantity for people, e.g. `Intl.NumberFormat(locale).format`: `1,000`. */
  quantity(value: number): string;
  /** A unit price in minor units, e.g. `formatMoney(value, 'CNY', locale)`: `¥12.00`. */
  money(value: number): string;
  /** The sales unit after the first row's quantities: `件`, `pcs`. Empty for none. */
  unit: string;
}

/** Separator between rows: a middle dot with spaces, as 1688 listings write it. */
export const LADDER_SEPARATOR = ' · ';

/**
 * One row: `2–99 件 ¥12.00`, `100 件 ¥10.50` (a one-quantity row) or `≥1,000 ¥9.80` (the
 * open-ended last row). The unit is written on the first row only, as the others share it.
 */
function rowText(row: TierRow, format: LadderSummaryFormat, withUnit: boolean): string {
  const from = format.quantity(row.minQuantity);
  let range: string;
  if (row.maxQuantity === null) range = `≥${from}`;
  else if (row.maxQuantity === row.minQuantity) range = from;
  else range = `${from}–${format.quantity(row.maxQuantity)}`;
  const unit = withUnit && format.unit ? ` ${format.unit}` : '';
  return `${range}${unit} ${format.money(row.unitPrice)}`;
}

/**
 * A price ladder in short, for a catalog card: `2–99 件 ¥12.00 · 100–999 ¥10.50 · ≥1,000 ¥9.80`.
 *
 * `rows` come from core's `tierTable` (they start at the MOQ and stop at `max`). With more rows
 * than `maxRows`, the first `maxRows − 1` rows and the last are shown with `…` between them, so the
 * cheapest price is always visible. No rows give `""`.
 */
export function ladderSummary(rows: readonly TierRow[], format: LadderSummaryFormat, maxRows = 3): string {
  const limit = Math.max(2, Math.trunc(maxRows));
  const parts: string[] = [];
  if (rows.length <= limit) {
    rows.forEach((row, i) => parts.push(rowText(row, format, i === 0)));
  } else {
    rows.slice(0, limit - 1).forEach((row, i) => parts.push(rowText(row, format, i === 0)));
    parts.push('…');
    const last = rows[rows.length - 1];
    if (last) parts.push(rowText(last, format, false));
  }
  return parts.join(LADDER_SEPARATOR);
}
