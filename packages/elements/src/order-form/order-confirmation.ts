import type { OrderResponse } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Formats } from './format.js';

/** Names for the confirmation: factories by id, SKUs by id. */
export interface ConfirmationNames {
  factory(id: string): string;
  sku(id: string): string;
}

/**
 * The view after the order was placed: its number, total and each factory's sub-order (factory,
 * lines, subtotal, estimated ship date). The heading takes the focus (`tabindex="-1"`).
 */
export function renderConfirmation(
  order: OrderResponse,
  names: ConfirmationNames,
  f: Formats,
  onAnother: () => void,
): TemplateResult {
  return html`<section part="confirmation" aria-labelledby="confirmation-title">
    <h3 id="confirmation-title" tabindex="-1">${msg('Order placed', { id: 'orderForm.confirm.title' })}</h3>
    <p>
      ${msg('Order number', { id: 'orderForm.confirm.number' })}:
      <strong part="order-number">${order.id}</strong>
    </p>
    <p>
      ${msg('Total', { id: 'orderForm.confirm.total' })}:
      <strong part="order-total">${f.money(order.total)}</strong>
    </p>
    <p>
      ${msg(str`Made and shipped by ${f.count(order.factoryOrders.length)} factories:`, {
        id: 'orderForm.confirm.factories',
      })}
    </p>
    <ul part="factory-orders">
      ${order.factoryOrders.map(
        (sub) =>
          html`<li part="factory-order">
            <h4>${names.factory(sub.factoryId)}</h4>
            <p>
              ${msg(str`Estimated ship date: ${f.date(sub.estimatedShipDate)}`, {
                id: 'orderForm.confirm.shipDate',
              })}
            </p>
            <ul>
              ${sub.lines.map(
                (line) =>
                  html`<li>
                    ${names.sku(line.skuId)} × ${f.count(line.quantity)} — ${f.money(line.lineTotal)}
                  </li>`,
              )}
            </ul>
            <p>${msg(str`Subtotal: ${f.money(sub.subtotal)}`, { id: 'orderForm.confirm.subtotal' })}</p>
          </li>`,
      )}
    </ul>
    <div class="actions">
      <button type="button" part="another-button" @click=${onAnother}>
        ${msg('Place another order', { id: 'orderForm.confirm.another' })}
      </button>
    </div>
  </section>`;
}
