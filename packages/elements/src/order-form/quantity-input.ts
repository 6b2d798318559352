/**
 * What a matrix cell's text means. Cells are text inputs (`inputmode="numeric"`) rather than
 * `type="number"`, so the arrow keys move between cells instead of nudging the value.
 */

/**
 * The quantity in a cell's text: `0` for an empty cell, the number for whole digits (ASCII or
 * full-width `０-９`, which Chinese IMEs produce), `NaN` for anything else ("1.5", "-2", "abc",
 * a number past 2^53).
 */
export function parseQuantity(text: string): number {
  const trimmed = text
    .trim()
    .replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed)) return Number.NaN;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : Number.NaN;
}

/** A line the form orders: every non-empty cell, in matrix order. `NaN` marks unreadable text. */
export interface FormLine {
  readonly skuId: string;
  readonly quantity: number;
}

/** The lines of `quantities` (SKU id → quantity), leaving out zeros, in `order`. */
export function linesOf(quantities: ReadonlyMap<string, number>, order: Iterable<string>): FormLine[] {
  const lines: FormLine[] = [];
  for (const skuId of order) {
    const quantity = quantities.get(skuId);
    if (quantity !== undefined && quantity !== 0) lines.push({ skuId, quantity });
  }
  return lines;
}
