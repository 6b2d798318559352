import type { Sku } from '@chainkit/core';

/**
 * How an offer's SKUs are laid out in the order form:
 * - `grid`: two or more attributes. Columns are the values of the last attribute; rows are the
 *   combinations of all the others (colour × size → a row per colour, a column per size).
 * - `list`: one attribute (a row per value, one quantity column), or SKUs that cannot be laid out
 *   as a grid (no attributes, or two SKUs with the same attribute values): a row per SKU.
 */
export type MatrixKind = 'grid' | 'list';

/** One row of the matrix. */
export interface MatrixRow {
  /** The row's attribute values, in `rowAttributes` order (one value per attribute). */
  readonly values: readonly string[];
  /** `values` joined with " / ", or the SKU id for a row of a SKU without attributes. */
  readonly label: string;
}

/** Where a SKU sits in the matrix. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export interface MatrixModel {
  readonly kind: MatrixKind;
  /** Attribute names making up the rows (`[]` for a list of SKUs without attributes). */
  readonly rowAttributes: readonly string[];
  /** The attribute of the columns; `null` for a list (one quantity column). */
  readonly columnAttribute: string | null;
  readonly rows: readonly MatrixRow[];
  /** Column values; `[]` for a list. */
  readonly columns: readonly string[];
  /** `cells[row][col]`: the SKU at that place, or `null` where no SKU has that combination. */
  readonly cells: readonly (readonly (Sku | null)[])[];
  /** SKU id → its place. */
  readonly positions: ReadonlyMap<string, CellPosition>;
  /** Number of columns of inputs: `columns.length` for a grid, 1 for a list. */
  readonly width: number;
}

/** Colour-like attributes go first (rows), size-like ones last (columns), others keep their order. */
const rank = (name: string): number =>
  /^(colou?r|颜色|顏色|色)$/i.test(name.trim())
    ? 0
    : /^(size|尺码|尺碼|尺寸|码|號|号)$/i.test(name.trim())
      ? 2
      : 1;

/**
 * Attribute names across all SKUs: colour first and size last (the wholesale convention of a
 * colour × size grid), the others in order of first appearance. Not trusting the key order of
 * the JSON matters: a database may hand keys back in another order (PostgreSQL's `jsonb` sorts
 * them), and the same offer must lay out the same everywhere.
 */
export function attributeNames(skus: readonly Sku[]): string[] {
  // A stable sort: names of the same rank keep their order of first appearance.
  return [...new Set(skus.flatMap((sku) => Object.keys(sku.attributes)))].sort((a, b) => rank(a) - rank(b));
}

/** The values of `names` of a SKU ('' where it has none). */
export const valuesOf = (sku: Sku, names: readonly string[]): string[] =>
  names.map((name) => sku.attributes[name] ?? '');

/**
 * Lays out `skus` as the order form's matrix (see {@link MatrixKind}). Attributes are ordered by
 * {@link attributeNames}; rows, columns and values keep the order in which they first appear in
 * the catalog, which is the order the merchant wrote them in (S, M, L, XL, not alphabetical).
 */
export function buildMatrix(skus: readonly Sku[]): MatrixModel {
  const names = attributeNames(skus);
  const columnAttribute = names.length > 1 ? names[names.length - 1]! : null;
  const rowAttributes = columnAttribute === null ? names : names.slice(0, -1);
  const rowKey = (sku: Sku): string => JSON.stringify(valuesOf(sku, rowAttributes));
  const columnOf = (sku: Sku): string =>
    valuesOf(sku, columnAttribute === null ? [] : [columnAttribute]).join();
  const rowKeys = [...new Set(skus.map(rowKey))];
  const columns = [...new Set(skus.map(columnOf))];
  const rowIndex = new Map(rowKeys.map((key, index) => [key, index]));
  const cells: (Sku | null)[][] = rowKeys.map(() => columns.map(() => null));
  const positions = new Map<string, CellPosition>();
  let clash = names.length === 0;
  for (const sku of skus) {
    const row = rowIndex.get(rowKey(sku))!;
    const col = columns.indexOf(columnOf(sku));
    // Two SKUs with the same attribute values cannot share a cell: show a row per SKU instead.
    clash ||= cells[row]![col] !== null || positions.has(sku.id);
    cells[row]![col] = sku;
    positions.set(sku.id, { row, col });
  }
  if (clash)
    return {
      kind: 'list',
      rowAttributes: names,
      columnAttribute: null,
      rows: skus.map((sku) => {
        const values = valuesOf(sku, names);
        return { values, label: values.filter(Boolean).join(' / ') || sku.id };
      }),
      columns: [],
      cells: skus.map((sku) => [sku]),
      positions: new Map(skus.map((sku, row) => [sku.id, { row, col: 0 }])),
      width: 1,
    };
  return {
    kind: columnAttribute === null ? 'list' : 'grid',
    rowAttributes,
    columnAttribute,
    rows: rowKeys.map((key) => {
      const values = JSON.parse(key) as string[];
      return { values, label: values.join(' / ') };
    }),
    columns: columnAttribute === null ? [] : columns,
    cells,
    positions,
    width: columns.length || 1,
  };
}
