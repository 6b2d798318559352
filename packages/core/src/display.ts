/**
 * What a storefront shows before anything is in the cart: an offer's price range and its
 * ladder as a table ("2–99 ¥12.00 · 100–999 ¥10.50 · ≥1000 ¥9.80").
 */
import type { Offer, PriceTier, Sku } from './catalog.js';
import { effectiveRules, effectiveTiers } from './ladder.js';

/** Lowest and highest unit price, minor units. */
export interface PriceRange {
  readonly min: number;
  readonly max: number;
}

/** One row of a ladder table. */
export interface TierRow {
  /** First quantity of the row. */
  readonly minQuantity: number;
  /** Last quantity of the row; `null` for "and up". */
  readonly maxQuantity: number | null;
  /** Price of one unit in this row, minor units. */
  readonly unitPrice: number;
}

/**
 * The lowest and highest unit price a buyer can meet on `offer`, over every tier of every
 * SKU's effective ladder (its own, or the offer's). The offer's ladder counts only through
 * SKUs that use it, so an offer whose SKUs all carry their own ladders shows their prices.
 * An offer without SKUs (never valid) falls back to the offer's ladder; an empty ladder
 * gives `{ min: 0, max: 0 }`.
 */
export function priceRange(offer: Offer): PriceRange {
  const ladders: (readonly PriceTier[])[] =
    offer.skus.length === 0 ? [offer.pricing.tiers] : offer.skus.map((sku) => effectiveTiers(offer, sku));
  let min = Infinity;
  let max = -Infinity;
  for (const ladder of ladders) {
    for (const tier of ladder) {
      if (tier.unitPrice < min) min = tier.unitPrice;
      if (tier.unitPrice > max) max = tier.unitPrice;
    }
  }
  return min === Infinity ? { min: 0, max: 0 } : { min, max };
}

/**
 * The ladder of `offer` (or of `sku`, when given: its own tiers, else the offer's) as rows
 * of quantity ranges, each ending one below the next row's start.
 *
 * Rows show what can actually be ordered and what it costs: the first row starts at the
 * MOQ (a quantity below the first tier prices at tier 0, see `tierIndexFor`), rows entirely below the MOQ or above `max` are left out, and the
 * last row ends at `max` when there is one. The quantities are the counted quantity of the
 * offer's scope, so the rules used are the offer's under `offer` scope (the offer total) and
 * the SKU's effective rules under `sku` scope.
 */
export function tierTable(offer: Offer, sku?: Sku): TierRow[] {
  const tiers = sku ? effectiveTiers(offer, sku) : offer.pricing.tiers;
  const rules = sku && offer.pricing.scope === 'sku' ? effectiveRules(offer, sku) : offer.rules;
  const cap = rules.max ?? null;
  const rows: TierRow[] = [];
  tiers.forEach((tier, i) => {
    const next = tiers[i + 1];
    let maxQuantity = next === undefined ? null : next.minQuantity - 1;
    if (cap !== null && (maxQuantity === null || maxQuantity > cap)) maxQuantity = cap;
    // Below the first tier a quantity still prices at tier 0 (see tierIndexFor), so the
    // first row starts where ordering starts: the MOQ.
    const minQuantity = i === 0 ? rules.moq : Math.max(tier.minQuantity, rules.moq);
    if (maxQuantity !== null && maxQuantity < minQuantity) return;
    rows.push({ minQuantity, maxQuantity, unitPrice: tier.unitPrice });
  });
  return rows;
}
