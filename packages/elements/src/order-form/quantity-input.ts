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
  const digits = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const value = Number(digits);
  return /^\d*$/.test(digits) && Number.isSafeInteger(value) ? value : Number.NaN;
}

/** A line the form orders: every non-empty cell, in matrix order. `NaN` marks unreadable text. */
export interface FormLine {
  readonly skuId: string;
  readonly quantity: number;
}

/** `lines` as the API takes them: the SKU id and the quantity of each, nothing else. */
export const plainLines = (lines: readonly FormLine[]): FormLine[] =>
  lines.map(({ skuId, quantity }) => ({ skuId, quantity }));

/** The lines of `quantities` (SKU id → quantity), leaving out zeros, in `order`. */
export function linesOf(quantities: ReadonlyMap<string, number>, order: readonly string[]): FormLine[] {
  return order.flatMap((skuId) => {
    const quantity = quantities.get(skuId) ?? 0;
    return quantity === 0 ? [] : [{ skuId, quantity }];
  });
}
