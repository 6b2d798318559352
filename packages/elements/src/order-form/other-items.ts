import { localize, type Offer, type Quote } from '@chainkit/core';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from './format.js';
import { attributeNames, skuValues } from './matrix-axes.js';
import { violationText } from './violation-text.js';

/** A line of another offer that was handed to the form (e.g. by the cart's checkout). */
export interface OtherLine {
  readonly offerId: string;
  readonly skuId: string;
  readonly quantity: number;
}

/** "Red / M": a SKU's attribute values (colour first, size last), or its id when it has none. */
export function skuLabel(offer: Offer | undefined, skuId: string): string {
  const sku = offer?.skus.find((candidate) => candidate.id === skuId);
  const values = sku && offer ? skuValues(sku, attributeNames(offer.skus)) : [];
  return values.length > 0 ? values.join(' / ') : skuId;
}

/**
 * The lines of other offers ordered together with the form's offer, read-only (they are edited
 * in the cart), each offer with its subtotal and violations, then the order's grand total.
 */
export function renderOtherItems(
  lines: readonly OtherLine[],
  offers: ReadonlyMap<string, Offer>,
  quote: Quote,
  f: Formats,
): TemplateResult | typeof nothing {
  if (lines.length === 0) return nothing;
  const offerIds = [...new Set(lines.map((line) => line.offerId))];
  return html`<section part="other-items" aria-labelledby="other-items-title">
    <h3 id="other-items-title">${msg('Also in this order', { id: 'orderForm.other.title' })}</h3>
    <ul>
      ${offerIds.map((offerId) => {
        const offer = offers.get(offerId);
        const quoted = quote.offers.find((candidate) => candidate.offerId === offerId);
        const violations = [
          ...(quoted?.violations ?? []),
          ...quote.violations.filter(
            (violation) =>
              'skuId' in violation &&
              lines.some((line) => line.offerId === offerId && line.skuId === violation.skuId),
          ),
        ];
        return html`<li>
          <strong>${offer ? localize(offer.title, f.locale) : offerId}</strong>
          <ul>
            ${lines
              .filter((line) => line.offerId === offerId)
              .map((line) => html`<li>${skuLabel(offer, line.skuId)} × ${f.count(line.quantity)}</li>`)}
          </ul>
          ${quoted ? html`<span>${msg('Subtotal', { id: 'orderForm.other.subtotal' })}: ${f.money(quoted.subtotal)}</span>` : nothing}
          ${
            violations.length > 0
              ? html`<ul class="error">
                  ${violations.map((violation) => html`<li>${violationText(violation, f.count)}</li>`)}
                </ul>`
              : nothing
          }
        </li>`;
      })}
    </ul>
    <p>
      ${msg('Order total', { id: 'orderForm.other.grandTotal' })}:
      <strong part="grand-total">${f.money(quote.subtotal)}</strong>
    </p>
  </section>`;
}
