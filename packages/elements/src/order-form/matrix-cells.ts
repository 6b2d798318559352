import { moveFor } from './keyboard-grid.js';
import type { CellPosition, MatrixModel } from './matrix-axes.js';

// The matrix's inputs worked on directly, in place of re-rendering: with 1,000 cells a render per
// keystroke or per arrow key would blow the 16 ms budget of performance.md.

/** A matrix input's place: its SKU's (`data-sku`) in `model`. */
export const positionOf = (input: HTMLInputElement, model: MatrixModel): CellPosition =>
  model.positions.get(input.dataset['sku']!)!;

/**
 * Where a key pressed in a matrix cell moves the focus (see `moveFor`): `null` when the key is not
 * a move, the cell itself when the move hits the edge. Reads the caret from the input, since
 * ← and → only leave a cell once the caret is at the edge of its text.
 */
export function keyMove(event: KeyboardEvent, model: MatrixModel): CellPosition | null {
  const input = event.target as HTMLInputElement;
  const length = input.value.length;
  const start = input.selectionStart ?? 0;
  const end = input.selectionEnd ?? length;
  const all = !start && end === length;
  return moveFor(
    event,
    { atStart: all || !end, atEnd: all || start === length },
    positionOf(input, model),
    model,
  );
}

/**
 * Shows (or clears) the violation text of one matrix cell, in place: `aria-invalid`, an error
 * text right after the input, and `aria-describedby` pointing to it. Plain DOM on purpose: typing
 * in a cell never re-renders the matrix (with 1,000 cells that would blow the 16 ms budget of
 * performance.md). Text is set with `textContent`, never as HTML.
 */
export function paintCell(input: HTMLInputElement, message: string): void {
  let note = input.nextElementSibling;
  if (!message) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    note?.remove();
    return;
  }
  if (!note) {
    note = document.createElement('span');
    note.id = `${input.id}-error`;
    note.className = 'cell-error';
    note.setAttribute('part', 'cell-error');
    input.after(note);
  }
  note.textContent = message;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', note.id);
}
