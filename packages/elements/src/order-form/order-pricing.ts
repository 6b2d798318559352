import {
  quote,
  type Catalog,
  type Offer,
  type Quote,
  type QuotedOffer,
  type Violation,
} from '@chainkit/core';
import type { FormLine } from './quantity-input.js';

/**
 * The catalog of the form's offer (and of any other offers whose lines were handed to it) for
 * `quote()`: the function the server prices with, so the form shows what the server will charge.
 * Build it once per offer (core caches its index per catalog object) and reuse it on every
 * keystroke. Pricing needs no factories (routing is the server's).
 */
export function offerCatalog(offers: readonly Offer[], currency: string): Catalog {
  return { currency, factories: [], offers };
}

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

function add(map: Map<string, Violation[]>, skuId: string, violation: Violation): void {
  const list = map.get(skuId);
  if (list) list.push(violation);
  else map.set(skuId, [violation]);
}

/**
 * Prices `lines` with core `quote()` and sorts the violations: those naming a SKU go to its
 * cell, those of `offerId` as a whole (and of the request) to the offer. Other offers'
 * offer-wide violations stay in `quote.offers`.
 */
export function priceLines(catalog: Catalog, lines: readonly FormLine[], offerId: string): PricedLines {
  const result = quote(catalog, lines);
  const byCell = new Map<string, Violation[]>();
  const offerWide: Violation[] = [];
  const offer = result.offers.find((quoted) => quoted.offerId === offerId) ?? null;
  for (const quoted of result.offers) {
    for (const violation of quoted.violations) {
      const skuId = skuOf(violation);
      if (skuId !== undefined) add(byCell, skuId, violation);
      else if (quoted === offer) offerWide.push(violation);
    }
  }
  for (const violation of result.violations) {
    const skuId = skuOf(violation);
    if (skuId !== undefined) add(byCell, skuId, violation);
    else offerWide.push(violation);
  }
  return { quote: result, offer, byCell, offerWide };
}

/** The unit price every line pays under a mixed batch, or `null` when lines pay different prices. */
export function sharedUnitPrice(result: Quote, offerId: string): number | null {
  const lines = result.lines.filter((line) => line.offerId === offerId);
  const first = lines[0];
  if (first === undefined) return null;
  return lines.every((line) => line.unitPrice === first.unitPrice) ? first.unitPrice : null;
}
