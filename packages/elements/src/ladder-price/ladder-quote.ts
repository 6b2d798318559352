import {
  effectiveRules,
  quote,
  type Catalog,
  type Offer,
  type QuantityRules,
  type Quote,
  type QuotedLine,
  type QuotedOffer,
  type Sku,
  type TierRow,
} from '@chainkit/core';

/**
 * The SKU a ladder prices: the one named by `skuId` (`undefined` when the offer has no such SKU),
 * or else the first SKU that uses the offer's own ladder and rules, or else the first SKU.
 */
export function pricedSku(offer: Offer, skuId?: string | null): Sku | undefined {
  if (skuId) return offer.skus.find((sku) => sku.id === skuId);
  return offer.skus.find((sku) => sku.tiers === undefined && sku.rules === undefined) ?? offer.skus[0];
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The rules a quantity stepper for `sku` must respect, so that every quantity it offers is one
 * `quote` accepts for a one-line order:
 * - scope `sku`: the SKU's effective rules;
 * - scope `offer` (混批): the offer's rules on the total, and when the SKU has rules of its own
 *   (quote checks them too) both at once: the larger MOQ, a step that is a multiple of both, the
 *   smaller cap.
 */
export function stepperRules(offer: Offer, sku: Sku | undefined): QuantityRules {
  if (!sku) return offer.rules;
  if (offer.pricing.scope === 'sku') return effectiveRules(offer, sku);
  const own = sku.rules;
  if (!own) return offer.rules;
  const a = Math.max(1, offer.rules.step);
  const b = Math.max(1, own.step);
  const caps = [offer.rules.max, own.max].filter((cap): cap is number => typeof cap === 'number');
  return {
    moq: Math.max(offer.rules.moq, own.moq),
    step: (a / gcd(a, b)) * b,
    max: caps.length === 0 ? null : Math.min(...caps),
  };
}

/**
 * The index of the row `quantity` falls in (`minQuantity ≤ quantity ≤ maxQuantity`), or -1 when it
 * falls in none (below the MOQ, above the cap).
 */
export function currentRowIndex(rows: readonly TierRow[], quantity: number): number {
  return rows.findIndex(
    (row) => quantity >= row.minQuantity && (row.maxQuantity === null || quantity <= row.maxQuantity),
  );
}

// One catalog object per offer (in its latest currency): core's quote caches its index per catalog
// object, so repeated quotes of the same offer (every keystroke of the stepper) reuse it.
const catalogs = new WeakMap<Offer, Catalog>();

/** A catalog holding only `offer`, priced in `currency`. Cached; never mutate it. */
export function oneOfferCatalog(offer: Offer, currency: string): Catalog {
  let catalog = catalogs.get(offer);
  if (catalog?.currency !== currency) {
    catalogs.set(offer, (catalog = { currency, factories: [], offers: [offer] }));
  }
  return catalog;
}

/** What the ladder shows for one quantity: the full quote and its only line and offer. */
export interface LadderQuote {
  readonly quote: Quote;
  /** The priced line; absent when the quantity could not be priced (see the quote's violations). */
  readonly line: QuotedLine | undefined;
  /** The offer summary: subtotal, savings, next tier, violations. */
  readonly offer: QuotedOffer | undefined;
}

/**
 * Prices `quantity` units of `sku` with core's `quote` — the same code the order server runs — on
 * a catalog of this one offer.
 */
export function quoteOne(offer: Offer, sku: Sku, quantity: number, currency: string): LadderQuote {
  const result = quote(oneOfferCatalog(offer, currency), [{ skuId: sku.id, quantity }]);
  return { quote: result, line: result.lines[0], offer: result.offers[0] };
}
