import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CellPosition, MatrixModel } from './matrix-axes.js';

/**
 * The SKU matrix of `<chain-order-form>`: a grid with a row header per row, a column header per
 * column, and a text input per SKU, each labelled by its row and column headers
 * (`aria-labelledby`), so a screen reader reads "Red M" for the cell.
 *
 * The grid is rendered once per layout (and again when the locale changes); typing in a cell
 * never re-renders it. The form updates the one cell that changed through {@link paintCell}
 * and re-renders only its totals: with 1,000 cells, re-rendering them all on each keystroke
 * would blow the 16 ms budget (performance.md).
 */

/** The element ids of a cell's input and of its error text. */
export function cellId(position: CellPosition): string {
  return `cell-${position.row}-${position.col}`;
}

export function cellErrorId(position: CellPosition): string {
  return `cell-error-${position.row}-${position.col}`;
}

/** The header of an attribute: common names translated, others as the merchant wrote them. */
export function attributeLabel(name: string): string {
  switch (name.toLowerCase()) {
    case 'color':
    case 'colour':
      return msg('Colour', { id: 'orderForm.attribute.color' });
    case 'size':
      return msg('Size', { id: 'orderForm.attribute.size' });
    case 'material':
      return msg('Material', { id: 'orderForm.attribute.material' });
    case 'style':
      return msg('Style', { id: 'orderForm.attribute.style' });
    default:
      return name;
  }
}

/** The matrix's texts, in the current locale. */
export interface MatrixTexts {
  /** The grid's name, e.g. "Quantities by Colour (rows) and Size (columns)". */
  readonly caption: string;
  /** How to move around, the grid's description. */
  readonly keys: string;
  readonly corner: string;
  readonly quantity: string;
  readonly unavailable: string;
}

export function matrixTexts(model: MatrixModel): MatrixTexts {
  const rows = model.rowAttributes.map(attributeLabel).join(' / ');
  const corner = rows || msg('Item', { id: 'orderForm.matrix.item' });
  const caption =
    model.columnAttribute === null
      ? msg(str`Quantities by ${corner}`, { id: 'orderForm.matrix.captionList' })
      : msg(str`Quantities by ${corner} (rows) and ${attributeLabel(model.columnAttribute)} (columns)`, {
          id: 'orderForm.matrix.captionGrid',
        });
  return {
    caption,
    keys: msg('Arrow keys move between cells; Enter moves down.', { id: 'orderForm.matrix.keys' }),
    corner,
    quantity: msg('Quantity', { id: 'orderForm.matrix.quantity' }),
    unavailable: msg('Not available', { id: 'orderForm.matrix.unavailable' }),
  };
}

export interface MatrixView {
  readonly model: MatrixModel;
  readonly texts: MatrixTexts;
  /** What each cell shows, by SKU id (what the buyer typed). */
  readonly cellText: ReadonlyMap<string, string>;
  /** The cell in the tab order (roving tabindex). */
  readonly active: CellPosition;
  readonly disabled: boolean;
}

/**
 * The matrix as an ARIA grid (the pattern for a spreadsheet: one tab stop, arrow keys inside).
 * Each row is its own CSS grid with fixed column widths, so rows line up without a table and
 * `content-visibility: auto` can skip the layout and paint of rows scrolled out of view: with
 * 1,000 inputs that is what keeps a keystroke cheap for the browser too, not only for us.
 * Inputs carry `data-sku`, `data-row` and `data-col` for the form's delegated handlers.
 */
export function renderMatrix(view: MatrixView): TemplateResult {
  const { model, texts, cellText, active, disabled } = view;
  const headers =
    model.columnAttribute === null
      ? html`<span role="columnheader" class="head" id="col-0">${texts.quantity}</span>`
      : model.columns.map(
          (value, col) => html`<span role="columnheader" class="head" id="col-${col}">${value}</span>`,
        );
  return html`<p id="matrix-caption" class="caption">${texts.caption}</p>
    <p id="matrix-keys" class="visually-hidden">${texts.keys}</p>
    <div
      role="grid"
      part="matrix-grid"
      aria-labelledby="matrix-caption"
      aria-describedby="matrix-keys"
      aria-rowcount=${model.rows.length + 1}
      aria-colcount=${model.width + 1}
    >
      <div role="row" class="row head-row" aria-rowindex="1">
        <span role="columnheader" class="head corner">${texts.corner}</span>
        ${headers}
      </div>
      ${model.rows.map(
        (row, r) =>
          html`<div role="row" class="row" aria-rowindex=${r + 2}>
            <span role="rowheader" class="head row-head" id="row-${r}">${row.label}</span>
            ${(model.cells[r] ?? []).map((sku, c) =>
              sku === null
                ? html`<span role="gridcell" class="cell">
                    <span class="unavailable" aria-hidden="true">—</span
                    ><span class="visually-hidden">${texts.unavailable}</span>
                  </span>`
                : html`<span role="gridcell" class="cell">
                    <input
                      id=${cellId({ row: r, col: c })}
                      part="cell"
                      type="text"
                      inputmode="numeric"
                      autocomplete="off"
                      enterkeyhint="next"
                      aria-labelledby="row-${r} col-${c}"
                      data-sku=${sku.id}
                      data-row=${r}
                      data-col=${c}
                      tabindex=${active.row === r && active.col === c ? 0 : -1}
                      ?disabled=${disabled}
                      .value=${live(cellText.get(sku.id) ?? '')}
                    />
                  </span>`,
            )}
          </div>`,
      )}
    </div>`;
}

/**
 * Shows (or clears) the violation text of one cell, in place: `aria-invalid`, an error text
 * right after the input, and `aria-describedby` pointing to it. Plain DOM on purpose (see the
 * module comment); text is set with `textContent`, never as HTML.
 */
export function paintCell(input: HTMLInputElement, position: CellPosition, message: string): void {
  const id = cellErrorId(position);
  let note =
    input.nextElementSibling instanceof HTMLElement && input.nextElementSibling.id === id
      ? input.nextElementSibling
      : null;
  if (message === '') {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    note?.remove();
    return;
  }
  if (note === null) {
    note = input.ownerDocument.createElement('span');
    note.id = id;
    note.className = 'cell-error';
    note.setAttribute('part', 'cell-error');
    input.after(note);
  }
  if (note.textContent !== message) note.textContent = message;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
}

/** Clears every painted cell under `root` (before repainting a new layout). */
export function clearPaint(root: ParentNode): void {
  for (const note of root.querySelectorAll('.cell-error')) note.remove();
  for (const input of root.querySelectorAll('input[aria-invalid]')) {
    if (input.getAttribute('part') !== 'cell') continue;
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}
