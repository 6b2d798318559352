import type { CellPosition } from './matrix-axes.js';

/** What the grid looks like to the keyboard: its size and which places hold an input. */
export interface GridShape {
  readonly rows: number;
  readonly cols: number;
  /** False where there is no SKU (no input) at that place; moves skip such places. */
  has(row: number, col: number): boolean;
}

/** The parts of a `KeyboardEvent` that decide a move, plus where the caret is in the cell. */
export interface GridKey {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
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
export function moveFor(event: GridKey, from: CellPosition, grid: GridShape): CellPosition | null {
  if (event.altKey) return null;
  const mod = event.ctrlKey === true || event.metaKey === true;
  switch (event.key) {
    case 'ArrowUp':
      return mod ? null : step(grid, from, -1, 0);
    case 'ArrowDown':
      return mod ? null : step(grid, from, 1, 0);
    case 'ArrowLeft':
      return mod || event.shiftKey || !event.atStart ? null : step(grid, from, 0, -1);
    case 'ArrowRight':
      return mod || event.shiftKey || !event.atEnd ? null : step(grid, from, 0, 1);
    case 'Enter':
      return mod ? null : step(grid, from, event.shiftKey ? -1 : 1, 0);
    case 'Home':
      if (event.shiftKey) return null;
      return mod ? (firstIn(grid, 0, 1) ?? from) : (scanRow(grid, from.row, 0, 1) ?? from);
    case 'End':
      if (event.shiftKey) return null;
      return mod
        ? (firstIn(grid, grid.rows - 1, -1) ?? from)
        : (scanRow(grid, from.row, grid.cols - 1, -1) ?? from);
    default:
      return null;
  }
}

/** The nearest place holding an input from `from` in direction (dr, dc); `from` at the edge. */
function step(grid: GridShape, from: CellPosition, dr: number, dc: number): CellPosition {
  let row = from.row + dr;
  let col = from.col + dc;
  while (row >= 0 && row < grid.rows && col >= 0 && col < grid.cols) {
    if (grid.has(row, col)) return { row, col };
    row += dr;
    col += dc;
  }
  return from;
}

/** The first place with an input in `row`, scanning from `col` by `dc`. */
function scanRow(grid: GridShape, row: number, col: number, dc: number): CellPosition | null {
  for (let c = col; c >= 0 && c < grid.cols; c += dc) if (grid.has(row, c)) return { row, col: c };
  return null;
}

/** The first place with an input scanning rows from `row` by `dr` (left to right, or right to left). */
function firstIn(grid: GridShape, row: number, dr: number): CellPosition | null {
  for (let r = row; r >= 0 && r < grid.rows; r += dr) {
    const hit = dr > 0 ? scanRow(grid, r, 0, 1) : scanRow(grid, r, grid.cols - 1, -1);
    if (hit) return hit;
  }
  return null;
}

/** `atStart` / `atEnd` for a text input, as {@link moveFor} reads them. */
export function caretEdges(input: HTMLInputElement): { atStart: boolean; atEnd: boolean } {
  const length = input.value.length;
  const start = input.selectionStart ?? 0;
  const end = input.selectionEnd ?? length;
  const all = start === 0 && end === length;
  return { atStart: all || end === 0, atEnd: all || start === length };
}
