import { localize, type Factory, type Offer, type OrderResponse } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Formats } from './format.js';
import { skuLabel } from './other-items.js';

/**
 * A SKU of the order by name: "Black / M", or "<offer> · Black / M" for other offers. The server's
 * sub-orders carry SKU ids only; the buyer knows the items by what they picked.
 */
function skuName(skuId: string, main: Offer, others: ReadonlyMap<string, Offer>, locale: string): string {
  const has = (offer: Offer): boolean => offer.skus.some((sku) => sku.id === skuId);
  if (has(main)) return skuLabel(main, skuId, locale);
  const other = [...others.values()].find(has);
  return other ? `${localize(other.title, locale)} · ${skuLabel(other, skuId, locale)}` : skuId;
}

/**
 * The "order placed" view: the order number, its total and each factory's sub-order with its
 * estimated ship date, because one order may ship from several factories and the buyer needs to
 * know what comes from where. The heading (`confirmation-title`, `tabindex="-1"`) is where the form
 * moves the focus after placing the order.
 *
 * @param factories - The store's factories, naming the sub-orders (by id when unknown).
 * @param others - Other offers of the order, by id, naming their SKUs.
 * @param onAnother - Starts a new order (a handler of the element: Lit calls it on the host).
 */
export function renderConfirmation(
  order: OrderResponse,
  factories: readonly Factory[],
  main: Offer,
  others: ReadonlyMap<string, Offer>,
  f: Formats,
  onAnother: () => void,
): TemplateResult {
  const { count, money } = f;
  // Line breaks inside are text nodes of the DOM: kept as they were.
  // prettier-ignore
  return html`<section part="confirmation" aria-labelledby="confirmation-title">
    <h3 id="confirmation-title" tabindex="-1">
      ${msg('Order placed', { id: 'orderForm.confirm.title' })}
    </h3>
    <p>
      ${msg('Order number', { id: 'orderForm.confirm.number' })}:
      <strong part="order-number">${order.id}</strong>
    </p>
    <p>
      ${msg('Total', { id: 'orderForm.summary.total' })}:
      <strong part="order-total">${money(order.total)}</strong>
    </p>
    <p>
      ${msg(str`Made and shipped by ${count(order.factoryOrders.length)} factories:`, {
        id: 'orderForm.confirm.factories',
      })}
    </p>
    <ul part="factory-orders">
      ${order.factoryOrders.map(
        (sub) =>
          html`<li part="factory-order">
            <h4>
              ${factories.find((factory) => factory.id === sub.factoryId)?.name ?? sub.factoryId}
            </h4>
            <p>
              ${msg(str`Estimated ship date: ${f.date(sub.estimatedShipDate)}`, {
                id: 'orderForm.confirm.shipDate',
              })}
            </p>
            <ul>
              ${sub.lines.map(
                (line) =>
                  html`<li>
                    ${skuName(line.skuId, main, others, f.locale)} × ${count(line.quantity)} — ${money(line.lineTotal)}
                  </li>`,
              )}
            </ul>
            <p>${msg(str`Subtotal: ${money(sub.subtotal)}`, { id: 'orderForm.confirm.subtotal' })}</p>
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
