/**
 * Lookup tables built once per catalog object and cached, so a quote of 1,000 lines does
 * O(lines) work with no per-call maps: each SKU and offer gets a slot number, and `quote`
 * keeps its per-call sums in typed arrays indexed by slot (see {@link QuoteScratch}).
 */
import type { Catalog, Offer, PriceTier, QuantityRules, Sku } from './catalog.js';
import { effectiveRules, effectiveTiers } from './ladder.js';
import type { Violation } from './quote-types.js';

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
  /** Position of this SKU in the scratch arrays. */
  readonly slot: number;
  /** Position of its offer in the scratch arrays and in `CatalogIndex.offers`. */
  readonly offerSlot: number;
}

/**
 * Per-call working memory of `quote`, reused across calls to spare the garbage collector
 * (a 1,000-line quote otherwise allocates maps and records that trigger GC pauses longer
 * than the quote itself). A slot's values are current only when its stamp equals the
 * call's `generation`, so nothing has to be cleared between calls. `quote` is synchronous;
 * the only way to re-enter it mid-call is a getter on a line object, and `busy` sends such a
 * nested call to a scratch of its own.
 */
export interface QuoteScratch {
  generation: number;
  busy: boolean;
  readonly skuStamp: Uint32Array;
  /** Merged quantity per SKU; 0 marks a SKU refused for overflow. */
  readonly skuQuantity: Float64Array;
  readonly offerStamp: Uint32Array;
  readonly offerQuantity: Float64Array;
  readonly offerList: Float64Array;
  readonly offerSubtotal: Float64Array;
  readonly offerSavings: Float64Array;
  /** Under sku scope: the smallest `addQuantity` seen so far (Infinity for none). */
  readonly offerBestAdd: Float64Array;
  readonly offerBestPrice: Float64Array;
  readonly offerBestSku: (string | undefined)[];
  readonly offerViolations: (Violation[] | undefined)[];
}

/** The index of a catalog. */
export interface CatalogIndex {
  /** SKU id → entry; SKU ids are unique across a validated catalog (the first wins otherwise). */
  readonly skus: ReadonlyMap<string, SkuEntry>;
  /** Offers by slot. */
  readonly offers: readonly Offer[];
  readonly scratch: QuoteScratch;
}

// Keyed weakly on the catalog object: a catalog dropped by the app frees its index, and
// catalogs are immutable (readonly types, validateCatalog returns a fresh copy), so an
// index never goes stale.
const cache = new WeakMap<Catalog, CatalogIndex>();

function build(catalog: Catalog): CatalogIndex {
  const skus = new Map<string, SkuEntry>();
  catalog.offers.forEach((offer, offerSlot) => {
    for (const sku of offer.skus) {
      if (skus.has(sku.id)) continue;
      const tiers = effectiveTiers(offer, sku);
      skus.set(sku.id, {
        offer,
        sku,
        tiers,
        rules: effectiveRules(offer, sku),
        listPrice: tiers[0]?.unitPrice ?? 0,
        slot: skus.size,
        offerSlot,
      });
    }
  });
  return { skus, offers: catalog.offers, scratch: createScratch(skus.size, catalog.offers.length) };
}

/** Fresh working memory for a catalog of `skuCount` SKUs and `offerCount` offers. */
export function createScratch(skuCount: number, offerCount: number): QuoteScratch {
  return {
    generation: 0,
    busy: false,
    skuStamp: new Uint32Array(skuCount),
    skuQuantity: new Float64Array(skuCount),
    offerStamp: new Uint32Array(offerCount),
    offerQuantity: new Float64Array(offerCount),
    offerList: new Float64Array(offerCount),
    offerSubtotal: new Float64Array(offerCount),
    offerSavings: new Float64Array(offerCount),
    offerBestAdd: new Float64Array(offerCount),
    offerBestPrice: new Float64Array(offerCount),
    offerBestSku: new Array<string | undefined>(offerCount).fill(undefined),
    offerViolations: new Array<Violation[] | undefined>(offerCount).fill(undefined),
  };
}

/** The cached index of `catalog`, built on first use. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  let index = cache.get(catalog);
  if (index === undefined) {
    index = build(catalog);
    cache.set(catalog, index);
  }
  return index;
}

/** Starts a quote call: a fresh generation, so every slot reads as untouched. */
export function nextGeneration(scratch: QuoteScratch): number {
  if (scratch.generation >= 0xffffffff) {
    scratch.generation = 0;
    scratch.skuStamp.fill(0);
    scratch.offerStamp.fill(0);
  }
  scratch.generation += 1;
  return scratch.generation;
}
