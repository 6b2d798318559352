import type { CellPosition } from './matrix-axes.js';

/**
 * What the grid looks like to the keyboard (a `MatrixModel` is one): `cells[row][col]` is empty
 * where there is no SKU (no input); moves skip such places.
 */
export interface GridShape {
  readonly cells: readonly (readonly unknown[])[];
  /** The number of columns. */
  readonly width: number;
}

/** The parts of a `KeyboardEvent` that decide a move (a `KeyboardEvent` is one). */
export interface GridKey {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/** Where the caret is in the cell. */
export interface GridCaret {
  /** The caret is at the start of the cell's text (or all of it is selected, or it is empty). */
  readonly atStart: boolean;
  /** The caret is at the end of the cell's text (or all of it is selected, or it is empty). */
  readonly atEnd: boolean;
}

/**
 * Where a key moves the focus in the order matrix, like a spreadsheet:
 *
 * | Key | Moves to |
 * |---|---|
 * | ↑ / ↓ | the cell above / below |
 * | ← / → | the cell to the left / right, once the caret is at the edge of the cell's text |
 * | Enter / Shift+Enter | the cell below / above |
 * | Home / End | the first / last cell of the row |
 * | Ctrl+Home / Ctrl+End (⌘ on macOS) | the first / last cell of the matrix |
 *
 * Places without a SKU are skipped. Returns `null` when the key is not a move (let the browser
 * handle it), and `from` itself when it is a move that hits the edge (swallow the key).
 */
export function moveFor(
  { key, shiftKey, ctrlKey, metaKey, altKey }: GridKey,
  { atStart, atEnd }: GridCaret,
  from: CellPosition,
  grid: GridShape,
): CellPosition | null {
  const rows = grid.cells.length;
  const cols = grid.width;
  const has = (row: number, col: number): boolean => !!grid.cells[row]?.[col];
  const mod = ctrlKey || metaKey;
  /** The first place with an input from `start` (a place number, row by row) on by `by`, `count` places at most. */
  const scan = (start: number, by: number, count: number): CellPosition => {
    for (let i = start; count-- > 0; i += by) {
      const at = { row: Math.floor(i / cols), col: i % cols };
      if (has(at.row, at.col)) return at;
    }
    return from;
  };
  if (altKey) return null;
  if (key === 'Home' || key === 'End') {
    if (shiftKey) return null;
    const count = mod ? rows * cols : cols;
    const first = mod ? 0 : from.row * cols;
    return key === 'Home' ? scan(first, 1, count) : scan(first + count - 1, -1, count);
  }
  const [dr, dc] = mod
    ? []
    : key === 'ArrowUp' || (key === 'Enter' && shiftKey)
      ? [-1, 0]
      : key === 'ArrowDown' || key === 'Enter'
        ? [1, 0]
        : shiftKey
          ? []
          : key === 'ArrowLeft' && atStart
            ? [0, -1]
            : key === 'ArrowRight' && atEnd
              ? [0, 1]
              : [];
  if (dr === undefined || dc === undefined) return null;
  for (let row = from.row + dr, col = from.col + dc; row >= 0 && row < rows && col >= 0 && col < cols;) {
    if (has(row, col)) return { row, col };
    row += dr;
    col += dc;
  }
  return from;
}
