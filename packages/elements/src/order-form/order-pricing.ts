import { quote, type Catalog, type Quote, type QuotedOffer, type Violation } from '@chainkit/core';
import type { FormLine } from './quantity-input.js';

/** A quote of the form's lines, sorted for display. */
export interface PricedLines {
  readonly quote: Quote;
  /** The form's offer's summary; `null` when none of its lines was priced. */
  readonly offer: QuotedOffer | null;
  /** Violations of one SKU (step, the SKU's own MOQ/max, unreadable quantity), shown at its cell. */
  readonly byCell: ReadonlyMap<string, readonly Violation[]>;
  /** Violations of the form's whole offer (MOQ/max of a mixed batch) and of the request. */
  readonly offerWide: readonly Violation[];
}

/** The SKU a violation is about, if it is about one. */
export function skuOf(violation: Violation): string | undefined {
  return 'skuId' in violation ? violation.skuId : undefined;
}

/**
 * Prices `lines` with core `quote()` (the function the server prices with, so the form shows
 * what the server will charge; build `catalog` once per set of offers, as core caches its index
 * per catalog object) and sorts the violations: those naming a SKU go to its cell, those of
 * `offerId` as a whole (and of the request) to the offer. Other offers' offer-wide violations
 * stay in `quote.offers`. Without `offerId` (the cart, which has no offer of its own), `offer` is
 * `null` and `offerWide` holds only the request's.
 */
export function priceLines(catalog: Catalog, lines: readonly FormLine[], offerId?: string): PricedLines {
  const result = quote(catalog, lines);
  const byCell = new Map<string, Violation[]>();
  const offerWide: Violation[] = [];
  const offer = (offerId && result.offers.find((quoted) => quoted.offerId === offerId)) || null;
  for (const part of [...result.offers, result])
    for (const violation of part.violations) {
      const skuId = skuOf(violation);
      if (skuId !== undefined) byCell.set(skuId, [...(byCell.get(skuId) ?? []), violation]);
      else if (part === offer || part === result) offerWide.push(violation);
    }
  return { quote: result, offer, byCell, offerWide };
}
