/**
 * Lookup tables built once per catalog object and cached, so a quote of 1,000 lines does
 * O(lines) map lookups instead of scanning offers for every line.
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

/** The index of a catalog. */
export interface CatalogIndex {
  /** SKU id → entry; SKU ids are unique across a validated catalog (the first wins otherwise). */
  readonly skus: ReadonlyMap<string, SkuEntry>;
}

// Keyed weakly on the catalog object: a catalog dropped by the app frees its index, and
// catalogs are immutable (readonly types, validateCatalog returns a fresh copy), so an
// index never goes stale.
const cache = new WeakMap<Catalog, CatalogIndex>();

/** The cached index of `catalog`, built on first use. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  let index = cache.get(catalog);
  if (index === undefined) {
    const skus = new Map<string, SkuEntry>();
    for (const offer of catalog.offers) {
      for (const sku of offer.skus) {
        if (skus.has(sku.id)) continue;
        const tiers = effectiveTiers(offer, sku);
        skus.set(sku.id, {
          offer,
          sku,
          tiers,
          rules: effectiveRules(offer, sku),
          listPrice: tiers[0]?.unitPrice ?? 0,
        });
      }
    }
    index = { skus };
    cache.set(catalog, index);
  }
  return index;
}
