import { localize, type Offer, type Quote } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from './format.js';
import { attributeText } from './attribute-text.js';
import { attributeNames, valuesOf } from './matrix-axes.js';
import { skuOf } from './order-pricing.js';
import { violationText } from './violation-text.js';

/** A line of another offer that was handed to the form (e.g. by the cart's checkout). */
export interface OtherLine {
  readonly offerId: string;
  readonly skuId: string;
  readonly quantity: number;
}

/**
 * "Red / M" (红色 / M): a SKU's attribute values as the buyer reads them in `locale` (colour first,
 * size last), or its id when it has none.
 */
export function skuLabel(offer: Offer | undefined, skuId: string, locale: string): string {
  const sku = offer?.skus.find((candidate) => candidate.id === skuId);
  if (!sku) return skuId;
  const names = attributeNames(offer!.skus);
  const labels = attributeText(offer, locale);
  return labels.values(names, valuesOf(sku, names)).filter(Boolean).join(' / ') || skuId;
}

/** `lines` grouped by offer, in the order each offer first appears (one pass, for long carts). */
export function linesByOffer<T extends { readonly offerId: string }>(lines: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const line of lines) {
    const group = groups.get(line.offerId);
    if (group) group.push(line);
    else groups.set(line.offerId, [line]);
  }
  return groups;
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
  if (!lines.length) return nothing;
  return html`<section part="other-items" aria-labelledby="other-items-title">
    <h3 id="other-items-title">${msg('Also in this order', { id: 'orderForm.other.title' })}</h3>
    <ul>
      ${[...linesByOffer(lines)].map(([offerId, own]) => {
        const offer = offers.get(offerId);
        const quoted = quote.offers.find((candidate) => candidate.offerId === offerId);
        const violations = [
          ...(quoted?.violations ?? []),
          ...quote.violations.filter((violation) => own.some((line) => line.skuId === skuOf(violation))),
        ];
        return html`<li>
          <strong>${offer ? localize(offer.title, f.locale) : offerId}</strong>
          <ul>
            ${own.map((line) => html`<li>${skuLabel(offer, line.skuId, f.locale)} × ${f.count(line.quantity)}</li>`)}
          </ul>
          ${quoted ? html`<span>${msg(str`Subtotal: ${f.money(quoted.subtotal)}`, { id: 'orderForm.other.subtotal' })}</span>` : nothing}
          ${
            violations.length
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
