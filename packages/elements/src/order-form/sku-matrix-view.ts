import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import type { AttributeText } from './attribute-text.js';
import type { CellPosition, MatrixModel, MatrixRow } from './matrix-axes.js';

/** The element id of a matrix cell's input. */
export const cellId = ({ row, col }: CellPosition): string => `cell-${row}-${col}`;

/** A row's header: its values as the buyer reads them (the SKU id for a SKU without attributes). */
function rowHeader(model: MatrixModel, row: MatrixRow, labels: AttributeText): string {
  if (!row.values.some(Boolean)) return row.label;
  const shown = labels.values(model.rowAttributes, row.values);
  // As `buildMatrix` joins them: a list leaves out the attributes a SKU lacks.
  return (model.columnAttribute === null ? shown.filter(Boolean) : shown).join(' / ');
}

/**
 * The SKU matrix as an ARIA grid (the pattern for a spreadsheet: one tab stop, arrow keys
 * inside): a row header per row, a column header per column, and a text input per SKU, each
 * labelled by its row and column headers (`aria-labelledby`), so a screen reader reads "Red M"
 * for the cell. Each row is its own CSS grid with fixed column widths, so rows line up without
 * a table and `content-visibility: auto` can skip the rows scrolled out of view. Inputs carry
 * `data-sku` for the form's delegated handlers (the SKU's place is in the model), so no cell
 * needs listeners of its own.
 *
 * Rendered again only for a new layout, a new `epoch` (the form bumps it for new quantities or
 * the locale) or `disabled` (guard): typing in a cell never re-renders it, since with 1,000 cells
 * that would blow the keystroke budget; the form paints the one cell that changed (`paintCell`)
 * and re-renders its totals only. `active` and `text` are read only when the grid is rebuilt.
 *
 * @param active - The cell holding the matrix's one tab stop.
 * @param text - SKU id → what its cell shows.
 * @param labels - How the offer's attributes and values read in the buyer's locale.
 */
export function renderSkuMatrix(
  model: MatrixModel,
  epoch: number,
  active: CellPosition,
  text: ReadonlyMap<string, string>,
  disabled: boolean,
  labels: AttributeText,
): unknown {
  const column = model.columnAttribute;
  const corner =
    model.rowAttributes.map(labels.name).join(' / ') || msg('Item', { id: 'orderForm.matrix.item' });
  const caption =
    column === null
      ? msg(str`Quantities by ${corner}`, { id: 'orderForm.matrix.captionList' })
      : msg(str`Quantities by ${corner} (rows) and ${labels.name(column)} (columns)`, {
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
            ${(column === null
              ? [msg('Quantity', { id: 'orderForm.matrix.quantity' })]
              : model.columns.map((value) => labels.value(column, value))
            ).map((head, col) => html`<span role="columnheader" class="head" id="col-${col}">${head}</span>`)}
          </div>
          ${model.rows.map(
            (row, r) =>
              html`<div role="row" class="row" aria-rowindex=${r + 2}>
                <span role="rowheader" class="head row-head" id="row-${r}"
                  >${rowHeader(model, row, labels)}</span
                >
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
