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

const SEPARATOR = ' / ';

const COLOUR = /^(colou?r|颜色|顏色|色)$/i;
const SIZE = /^(size|尺码|尺碼|尺寸|码|號|号)$/i;

/** Colour-like attributes go first (rows), size-like ones last (columns), others keep their order. */
function rank(name: string): number {
  return COLOUR.test(name.trim()) ? 0 : SIZE.test(name.trim()) ? 2 : 1;
}

/**
 * Attribute names across all SKUs: colour first and size last (the wholesale convention of a
 * colour × size grid), the others in order of first appearance. Not trusting the key order of
 * the JSON matters: a database may hand keys back in another order (PostgreSQL's `jsonb` sorts
 * them), and the same offer must lay out the same everywhere.
 */
export function attributeNames(skus: readonly Sku[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const sku of skus) {
    for (const name of Object.keys(sku.attributes)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  return names
    .map((name, index) => ({ name, index, rank: rank(name) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.name);
}

/** A SKU's attribute values in `attributeNames` order, e.g. "Black / M". */
export function skuValues(sku: Sku, names: readonly string[] = attributeNames([sku])): string[] {
  return names.map((name) => sku.attributes[name] ?? '').filter((value) => value !== '');
}

/** Distinct values in order of first appearance. */
function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function valueOf(sku: Sku, name: string): string {
  return sku.attributes[name] ?? '';
}

/** A row per SKU: the fallback that always works. */
function listBySku(skus: readonly Sku[], names: readonly string[]): MatrixModel {
  const positions = new Map<string, CellPosition>();
  const rows: MatrixRow[] = [];
  const cells: (Sku | null)[][] = [];
  skus.forEach((sku, row) => {
    const values = names.map((name) => valueOf(sku, name));
    const shown = values.filter((value) => value !== '');
    rows.push({ values, label: shown.length > 0 ? shown.join(SEPARATOR) : sku.id });
    cells.push([sku]);
    positions.set(sku.id, { row, col: 0 });
  });
  return {
    kind: 'list',
    rowAttributes: names,
    columnAttribute: null,
    rows,
    columns: [],
    cells,
    positions,
    width: 1,
  };
}

/**
 * Lays out `skus` as the order form's matrix (see {@link MatrixKind}). Attributes are ordered by
 * {@link attributeNames}; rows, columns and values keep the order in which they first appear in
 * the catalog, which is the order the merchant wrote them in (S, M, L, XL, not alphabetical).
 */
export function buildMatrix(skus: readonly Sku[]): MatrixModel {
  const names = attributeNames(skus);
  if (names.length === 0) return listBySku(skus, names);

  const rowAttributes = names.slice(0, -1);
  const columnAttribute = names.length >= 2 ? (names[names.length - 1] ?? null) : null;
  const rowKey = (sku: Sku): string =>
    JSON.stringify((columnAttribute === null ? names : rowAttributes).map((name) => valueOf(sku, name)));

  const rowKeys = distinct(skus.map(rowKey));
  const columns = columnAttribute === null ? [] : distinct(skus.map((sku) => valueOf(sku, columnAttribute)));
  const width = columnAttribute === null ? 1 : columns.length;
  const rowIndex = new Map(rowKeys.map((key, index) => [key, index]));
  const columnIndex = new Map(columns.map((value, index) => [value, index]));

  const cells: (Sku | null)[][] = rowKeys.map(() => new Array<Sku | null>(width).fill(null));
  const positions = new Map<string, CellPosition>();
  for (const sku of skus) {
    const row = rowIndex.get(rowKey(sku)) ?? 0;
    const col = columnAttribute === null ? 0 : (columnIndex.get(valueOf(sku, columnAttribute)) ?? 0);
    const line = cells[row];
    // Two SKUs with the same attribute values cannot share a cell: show a row per SKU instead.
    if (line === undefined || line[col] !== null || positions.has(sku.id)) return listBySku(skus, names);
    line[col] = sku;
    positions.set(sku.id, { row, col });
  }

  const rows: MatrixRow[] = rowKeys.map((key) => {
    const values = JSON.parse(key) as string[];
    return { values, label: values.join(SEPARATOR) };
  });
  return {
    kind: columnAttribute === null ? 'list' : 'grid',
    rowAttributes: columnAttribute === null ? names : rowAttributes,
    columnAttribute,
    rows,
    columns,
    cells,
    positions,
    width,
  };
}

/** The SKU at `position`, or `null` when there is none. */
export function skuAt(model: MatrixModel, position: CellPosition): Sku | null {
  return model.cells[position.row]?.[position.col] ?? null;
}
