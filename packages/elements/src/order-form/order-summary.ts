import { tierTable, type Offer } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from './format.js';
import { sharedUnitPrice, type PricedLines } from './order-pricing.js';
import { violationText } from './violation-text.js';

/**
 * The totals under the matrix: the ladder with the current tier marked, quantity, unit price,
 * total, savings, the "add N more" nudge and the offer's own violations (MOQ/max of the whole
 * batch). Cheap to re-render: it is the only part that changes on every keystroke.
 */
export function renderSummary(offer: Offer, priced: PricedLines, f: Formats): TemplateResult {
  const byOffer = offer.pricing.scope === 'offer';
  const quoted = priced.offer;
  const quantity = quoted?.totalQuantity ?? 0;
  const unit = sharedUnitPrice(priced.quote, offer.id);
  const rows = tierTable(offer);
  // Under a mixed batch the offer's total picks one tier for every line: mark its row.
  const current = byOffer && quantity > 0 ? rows.findLastIndex((row) => row.minQuantity <= quantity) : -1;
  const nudge = quoted?.nextTier;
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
      ${rows.map((row, index) => {
        const range =
          row.maxQuantity === null
            ? `≥${f.count(row.minQuantity)}`
            : `${f.count(row.minQuantity)}–${f.count(row.maxQuantity)}`;
        return html`<li aria-current=${index === current ? 'true' : 'false'}>
          ${range} · ${f.money(row.unitPrice)}
        </li>`;
      })}
    </ol>
    <div part="totals" aria-live="polite" aria-atomic="true">
      <dl>
        <div>
          <dt>${msg('Quantity', { id: 'orderForm.summary.quantity' })}</dt>
          <dd part="quantity">${f.count(quantity)}</dd>
        </div>
        <div>
          <dt>${msg('Unit price', { id: 'orderForm.summary.unitPrice' })}</dt>
          <dd part="unit-price">
            ${
              unit !== null
                ? f.money(unit)
                : quantity > 0
                  ? msg('varies by item', { id: 'orderForm.summary.unitVaries' })
                  : '—'
            }
          </dd>
        </div>
        <div>
          <dt>${msg('Total', { id: 'orderForm.summary.total' })}</dt>
          <dd part="total">${f.money(quoted?.subtotal ?? 0)}</dd>
        </div>
        ${
          quoted && quoted.savings > 0
            ? html`<div>
                <dt>${msg('You save', { id: 'orderForm.summary.savings' })}</dt>
                <dd part="savings">${f.money(quoted.savings)}</dd>
              </div>`
            : nothing
        }
      </dl>
      ${
        nudge
          ? html`<p part="nudge">
              ${msg(str`Add ${f.count(nudge.addQuantity)} more to pay ${f.money(nudge.unitPrice)} each`, {
                id: 'orderForm.summary.nudge',
              })}
            </p>`
          : nothing
      }
    </div>
    <div part="offer-errors" aria-live="polite">
      ${
        priced.offerWide.length > 0
          ? html`<ul>
              ${priced.offerWide.map((violation) => html`<li>${violationText(violation, f.count)}</li>`)}
            </ul>`
          : nothing
      }
    </div>
  </section>`;
}
