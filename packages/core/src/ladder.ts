/**
 * Price ladders (阶梯价): which tier a quantity falls in, and which ladder and rules a SKU uses.
 */
import type { Offer, PriceTier, QuantityRules, Sku } from './catalog.js';

/**
 * The index of the tier that prices `quantity`: the last tier whose `minQuantity` ≤ `quantity`.
 *
 * A quantity below the first tier's `minQuantity` prices at tier 0. The ladder does not
 * refuse it because refusing is the job of the quantity rules: `quote` reports such an
 * order as `below_moq` (a validated offer's MOQ is where ordering starts), and a display
 * can still show what a too-small basket would cost. Keeping "what does it cost" apart
 * from "may it be ordered" lets both answers be shown at once.
 *
 * Binary search, so long ladders cost O(log n). Expects a validated ladder (ascending
 * `minQuantity`); returns -1 only for an empty ladder, which validation never lets through.
 */
export function tierIndexFor(tiers: readonly PriceTier[], quantity: number): number {
  if (tiers.length === 0) return -1;
  let low = 0;
  let high = tiers.length - 1;
  while (low < high) {
    // Upper middle, so `low = middle` always makes progress.
    const middle = (low + high + 1) >>> 1;
    if ((tiers[middle]?.minQuantity ?? Infinity) <= quantity) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The ladder that prices `sku`: its own `tiers` when it has them, else the offer's. */
export function effectiveTiers(offer: Offer, sku: Sku): readonly PriceTier[] {
  return sku.tiers ?? offer.pricing.tiers;
}

/**
 * The quantity rules for `sku`: its own `rules` when it has them (they replace the offer's
 * as a whole, never field by field, so a SKU's rules read the same in the catalog and in
 * effect), else the offer's.
 */
export function effectiveRules(offer: Offer, sku: Sku): QuantityRules {
  return sku.rules ?? offer.rules;
}
