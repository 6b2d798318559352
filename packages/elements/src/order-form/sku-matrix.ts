import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CellPosition, MatrixModel } from './matrix-axes.js';

/**
 * The SKU matrix of `<chain-order-form>`: a table with a row header per row, a column header per
 * column, and a text input per SKU, each labelled by its row and column headers
 * (`aria-labelledby`), so a screen reader reads "Red M" for the cell.
 *
 * The table is rendered once per layout (and again when the locale changes); typing in a cell
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

/** The matrix's texts, in the current locale. Their join is the cache key of the table. */
export interface MatrixTexts {
  readonly caption: string;
  readonly corner: string;
  readonly quantity: string;
  readonly unavailable: string;
}

export function matrixTexts(model: MatrixModel): MatrixTexts {
  const rows = model.rowAttributes.map(attributeLabel).join(' / ');
  const corner = rows || msg('Item', { id: 'orderForm.matrix.item' });
  const keys = msg('Arrow keys move between cells; Enter moves down.', { id: 'orderForm.matrix.keys' });
  const caption =
    model.columnAttribute === null
      ? msg(str`Quantities by ${corner}. ${keys}`, { id: 'orderForm.matrix.captionList' })
      : msg(
          str`Quantities by ${corner} (rows) and ${attributeLabel(model.columnAttribute)} (columns). ${keys}`,
          {
            id: 'orderForm.matrix.captionGrid',
          },
        );
  return {
    caption,
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

/** The table. Inputs carry `data-sku`, `data-row` and `data-col` for the form's delegated handlers. */
export function renderMatrix(view: MatrixView): TemplateResult {
  const { model, texts, cellText, active, disabled } = view;
  const headers =
    model.columnAttribute === null
      ? html`<th scope="col" id="col-0">${texts.quantity}</th>`
      : model.columns.map((value, col) => html`<th scope="col" id="col-${col}">${value}</th>`);
  return html`<table part="matrix-table">
    <caption>
      ${texts.caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${texts.corner}</th>
        ${headers}
      </tr>
    </thead>
    <tbody>
      ${model.rows.map(
        (row, r) =>
          html`<tr>
            <th scope="row" id="row-${r}">${row.label}</th>
            ${(model.cells[r] ?? []).map((sku, c) =>
              sku === null
                ? html`<td>
                    <span class="unavailable" aria-hidden="true">—</span
                    ><span class="visually-hidden">${texts.unavailable}</span>
                  </td>`
                : html`<td>
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
                  </td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
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
