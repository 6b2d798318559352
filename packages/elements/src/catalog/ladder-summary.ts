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

/**
 * A price ladder in short, for a catalog card: `2–99 件 ¥12.00 · 100–999 ¥10.50 · ≥1,000 ¥9.80`.
 * Each row is a range, a single quantity (`100 件 ¥10.50`) or the open-ended last row
 * (`≥1,000 ¥9.80`); the unit is written on the first row only, as the others share it. Rows are
 * separated by a middle dot with spaces, as 1688 listings write it.
 *
 * `rows` come from core's `tierTable` (they start at the MOQ and stop at `max`). With more rows
 * than `maxRows`, the first `maxRows − 1` rows and the last are shown with `…` between them, so the
 * cheapest price is always visible. No rows give `""`.
 */
export function ladderSummary(rows: readonly TierRow[], format: LadderSummaryFormat, maxRows = 3): string {
  const limit = Math.max(2, Math.trunc(maxRows));
  const shown = rows.length > limit ? [...rows.slice(0, limit - 1), undefined, rows.at(-1)] : rows;
  return shown
    .map((row, i) => {
      if (!row) return '…';
      const unit = i === 0 && format.unit ? ` ${format.unit}` : '';
      return `${tierRange(row, format.quantity)}${unit} ${format.money(row.unitPrice)}`;
    })
    .join(' · ');
}

/** A tier's quantities, as the catalog's summary and the ladder's table write them: `10–49`, `50`, `≥200`. */
export function tierRange(row: TierRow, quantity: (value: number) => string): string {
  const from = quantity(row.minQuantity);
  if (row.maxQuantity === null) return `≥${from}`;
  if (row.maxQuantity === row.minQuantity) return from;
  return `${from}–${quantity(row.maxQuantity)}`;
}
