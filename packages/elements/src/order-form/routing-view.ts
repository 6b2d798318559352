import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from './format.js';
import type { RoutingPreview } from '@chainkit/core';

/** The routing preview: which factories would make the order, how many units, and when it ships. */
export function renderPreview(
  preview: RoutingPreview | undefined,
  f: Formats,
): TemplateResult | typeof nothing {
  if (!preview || (preview.rows.length === 0 && preview.unassignedUnits === 0)) return nothing;
  return html`<section part="routing" aria-labelledby="routing-title">
    <h3 id="routing-title">${msg('Who makes your order', { id: 'orderForm.routing.title' })}</h3>
    <ul>
      ${preview.rows.map(
        (row) =>
          html`<li>
            ${msg(
              str`${row.factoryName}: ${f.count(row.units)} units, estimated to ship ${f.date(row.estimatedShipDate)}`,
              { id: 'orderForm.routing.row' },
            )}
          </li>`,
      )}
    </ul>
    ${
      preview.unassignedUnits > 0
        ? html`<p class="error">
            ${msg(str`${f.count(preview.unassignedUnits)} units have no factory that can make them.`, {
              id: 'orderForm.routing.unassigned',
            })}
          </p>`
        : nothing
    }
    <p>
      ${msg('Ship dates are estimates; the store confirms them with the order.', { id: 'orderForm.routing.note' })}
    </p>
  </section>`;
}
