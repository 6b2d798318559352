import type { RoutingPreview } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Formats } from './format.js';

/**
 * Which factories would make the order and when each would ship (the server's routing of the
 * priced lines), so the buyer sees lead times before committing. Nothing until the server has
 * answered with at least one row or unassigned unit: an empty section would only be noise.
 */
export function renderRoutingPreview(preview: RoutingPreview | undefined, { count, date }: Formats): unknown {
  return preview && (preview.rows.length || preview.unassignedUnits)
    ? html`<section part="routing" aria-labelledby="routing-title">
        <h3 id="routing-title">${msg('Who makes your order', { id: 'orderForm.routing.title' })}</h3>
        <ul>
          ${preview.rows.map(
            (row) =>
              html`<li>
                ${msg(
                  str`${row.factoryName}: ${count(row.units)} units, estimated to ship ${date(row.estimatedShipDate)}`,
                  { id: 'orderForm.routing.row' },
                )}
              </li>`,
          )}
        </ul>
        ${
          preview.unassignedUnits > 0
            ? html`<p class="error">
                ${msg(str`${count(preview.unassignedUnits)} units have no factory that can make them.`, {
                  id: 'orderForm.routing.unassigned',
                })}
              </p>`
            : nothing
        }
        <p>
          ${msg('Ship dates are estimates; the store confirms them with the order.', {
            id: 'orderForm.routing.note',
          })}
        </p>
      </section>`
    : nothing;
}
