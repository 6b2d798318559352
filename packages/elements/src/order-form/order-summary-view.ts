import { tierTable, type Offer } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from './format.js';
import type { PricedLines } from './order-pricing.js';
import { violationText } from './violation-text.js';

/**
 * The totals under the matrix: the ladder with the current tier marked, quantity, unit price,
 * total, savings, the "add N more" nudge and the offer's own violations (MOQ/max of the whole
 * batch). Its own function because it is the one view that changes on every keystroke: the form
 * re-renders it (cheap) while the matrix stays untouched.
 */
export function renderOrderSummary(
  offer: Offer,
  priced: PricedLines,
  { count, money }: Formats,
): TemplateResult {
  const byOffer = offer.pricing.scope === 'offer';
  const quoted = priced.offer;
  const quantity = quoted?.totalQuantity ?? 0;
  // The unit price every line pays (a mixed batch), or none when lines pay different prices.
  const prices = new Set(
    priced.quote.lines.filter((line) => line.offerId === offer.id).map((line) => line.unitPrice),
  );
  const rows = tierTable(offer);
  // Under a mixed batch the offer's total picks one tier for every line: mark its row.
  const current = byOffer && quantity > 0 ? rows.findLastIndex((row) => row.minQuantity <= quantity) : -1;
  const nudge = quoted?.nextTier;
  const term = (label: string, part: string, value: string): TemplateResult =>
    html`<div>
      <dt>${label}</dt>
      <dd part=${part}>${value}</dd>
    </div>`;
  return html`<section part="summary" aria-labelledby="summary-title">
    <h3 id="summary-title">${msg('Price and total', { id: 'orderForm.summary.title' })}</h3>
    ${
      byOffer
        ? html`<p part="mixed-batch">
            ${msg('Mixed batch: every colour and size counts together towards the price tier.', {
              id: 'orderForm.summary.mixedBatch',
            })}
          </p>`
        : nothing
    }
    <ol part="ladder" aria-label=${msg('Price tiers', { id: 'orderForm.summary.tiers' })}>
      ${rows.map(
        (row, index) =>
          html`<li aria-current=${index === current}>
            ${
              row.maxQuantity === null
                ? `≥${count(row.minQuantity)}`
                : `${count(row.minQuantity)}–${count(row.maxQuantity)}`
            }
            · ${money(row.unitPrice)}
          </li>`,
      )}
    </ol>
    <div part="totals" aria-live="polite" aria-atomic="true">
      <dl>
        ${term(msg('Quantity', { id: 'orderForm.matrix.quantity' }), 'quantity', count(quantity))}
        ${term(
          msg('Unit price', { id: 'orderForm.summary.unitPrice' }),
          'unit-price',
          prices.size === 1
            ? money([...prices][0]!)
            : quantity > 0
              ? msg('varies by item', { id: 'orderForm.summary.unitVaries' })
              : '—',
        )}
        ${term(msg('Total', { id: 'orderForm.summary.total' }), 'total', money(quoted?.subtotal ?? 0))}
        ${
          quoted && quoted.savings > 0
            ? term(msg('You save', { id: 'orderForm.summary.savings' }), 'savings', money(quoted.savings))
            : nothing
        }
      </dl>
      ${
        nudge
          ? html`<p part="nudge">
              ${msg(str`Add ${count(nudge.addQuantity)} more to pay ${money(nudge.unitPrice)} each`, {
                id: 'orderForm.summary.nudge',
              })}
            </p>`
          : nothing
      }
    </div>
    <div part="offer-errors" aria-live="polite">
      ${
        priced.offerWide.length
          ? html`<ul>
              ${priced.offerWide.map((violation) => html`<li>${violationText(violation, count)}</li>`)}
            </ul>`
          : nothing
      }
    </div>
  </section>`;
}
