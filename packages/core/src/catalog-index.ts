/**
 * The SKU lookup `quote` needs, built once per catalog object and cached: each SKU with its
 * offer, effective ladder and rules, resolved ahead of time, so a quote does O(lines) work.
 */
import type { Catalog, Offer, PriceTier, QuantityRules, Sku } from './catalog.js';
import { effectiveRules, effectiveTiers } from './ladder.js';

/** Everything `quote` needs to know about one SKU, resolved ahead of time. */
export interface SkuEntry {
  readonly offer: Offer;
  readonly sku: Sku;
  /** The SKU's own ladder or the offer's. */
  readonly tiers: readonly PriceTier[];
  /** The SKU's own rules or the offer's. */
  readonly rules: QuantityRules;
  /** The first tier's unit price: the list price savings are measured against. */
  readonly listPrice: number;
}

// Keyed weakly on the catalog object: a catalog dropped by the app frees its index, and
// catalogs are immutable (readonly types, validateCatalog returns a fresh copy), so an
// index never goes stale.
const cache = new WeakMap<Catalog, ReadonlyMap<string, SkuEntry>>();

/**
 * The cached index of `catalog`: SKU id → entry, built on first use. SKU ids are unique across a
 * validated catalog (the first wins otherwise).
 */
export function indexCatalog(catalog: Catalog): ReadonlyMap<string, SkuEntry> {
  let skus = cache.get(catalog);
  if (skus === undefined) {
    const index = new Map<string, SkuEntry>();
    for (const offer of catalog.offers) {
      for (const sku of offer.skus) {
        if (index.has(sku.id)) continue;
        const tiers = effectiveTiers(offer, sku);
        index.set(sku.id, {
          offer,
          sku,
          tiers,
          rules: effectiveRules(offer, sku),
          listPrice: tiers[0]?.unitPrice ?? 0,
        });
      }
    }
    cache.set(catalog, (skus = index));
  }
  return skus;
}
