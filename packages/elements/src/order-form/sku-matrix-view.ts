import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import type { CellPosition, MatrixModel } from './matrix-axes.js';

/** The element id of a matrix cell's input. */
export const cellId = ({ row, col }: CellPosition): string => `cell-${row}-${col}`;

/** The header of an attribute: common names translated, others as the merchant wrote them. */
function attributeLabel(name: string): string {
  const key = name.toLowerCase();
  return /^colou?r$/.test(key)
    ? msg('Colour', { id: 'orderForm.attribute.color' })
    : key === 'size'
      ? msg('Size', { id: 'orderForm.attribute.size' })
      : key === 'material'
        ? msg('Material', { id: 'orderForm.attribute.material' })
        : key === 'style'
          ? msg('Style', { id: 'orderForm.attribute.style' })
          : name;
}

/**
 * The SKU matrix as an ARIA grid (the pattern for a spreadsheet: one tab stop, arrow keys
 * inside): a row header per row, a column header per column, and a text input per SKU, each
 * labelled by its row and column headers (`aria-labelledby`), so a screen reader reads "Red M"
 * for the cell. Each row is its own CSS grid with fixed column widths, so rows line up without
 * a table and `content-visibility: auto` can skip the rows scrolled out of view. Inputs carry
 * `data-sku`, `data-row` and `data-col` for the form's delegated handlers, so no cell needs
 * listeners of its own.
 *
 * Rendered again only for a new layout, a new `epoch` (the form bumps it for new quantities or
 * the locale) or `disabled` (guard): typing in a cell never re-renders it, since with 1,000 cells
 * that would blow the keystroke budget; the form paints the one cell that changed (`paintCell`)
 * and re-renders its totals only. `active` and `text` are read only when the grid is rebuilt.
 *
 * @param active - The cell holding the matrix's one tab stop.
 * @param text - SKU id → what its cell shows.
 */
export function renderSkuMatrix(
  model: MatrixModel,
  epoch: number,
  active: CellPosition,
  text: ReadonlyMap<string, string>,
  disabled: boolean,
): unknown {
  const corner =
    model.rowAttributes.map(attributeLabel).join(' / ') || msg('Item', { id: 'orderForm.matrix.item' });
  const caption =
    model.columnAttribute === null
      ? msg(str`Quantities by ${corner}`, { id: 'orderForm.matrix.captionList' })
      : msg(str`Quantities by ${corner} (rows) and ${attributeLabel(model.columnAttribute)} (columns)`, {
          id: 'orderForm.matrix.captionGrid',
        });
  return guard(
    [model, epoch, caption, disabled],
    () =>
      html`<p id="matrix-caption" class="caption">${caption}</p>
        <p id="matrix-keys" class="visually-hidden">
          ${msg('Arrow keys move between cells; Enter moves down.', { id: 'orderForm.matrix.keys' })}
        </p>
        <div
          role="grid"
          part="matrix-grid"
          aria-labelledby="matrix-caption"
          aria-describedby="matrix-keys"
          aria-rowcount=${model.rows.length + 1}
          aria-colcount=${model.width + 1}
        >
          <div role="row" class="row head-row" aria-rowindex="1">
            <span role="columnheader" class="head corner">${corner}</span>
            ${(model.columnAttribute === null
              ? [msg('Quantity', { id: 'orderForm.matrix.quantity' })]
              : model.columns
            ).map(
              (value, col) => html`<span role="columnheader" class="head" id="col-${col}">${value}</span>`,
            )}
          </div>
          ${model.rows.map(
            (row, r) =>
              html`<div role="row" class="row" aria-rowindex=${r + 2}>
                <span role="rowheader" class="head row-head" id="row-${r}">${row.label}</span>
                ${model.cells[r]!.map(
                  (sku, c) =>
                    html`<span role="gridcell" class="cell"
                      >${
                        sku
                          ? html`<input
                              id=${cellId({ row: r, col: c })}
                              part="cell"
                              inputmode="numeric"
                              autocomplete="off"
                              enterkeyhint="next"
                              aria-labelledby="row-${r} col-${c}"
                              data-sku=${sku.id}
                              data-row=${r}
                              data-col=${c}
                              tabindex=${active.row === r && active.col === c ? 0 : -1}
                              ?disabled=${disabled}
                              .value=${live(text.get(sku.id) ?? '')}
                            />`
                          : html`<span class="unavailable" aria-hidden="true">—</span
                              ><span class="visually-hidden"
                                >${msg('Not available', { id: 'orderForm.matrix.unavailable' })}</span
                              >`
                      }</span
                    >`,
                )}
              </div>`,
          )}
        </div>`,
  );
}
