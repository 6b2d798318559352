/**
 * fast-check generators: valid catalogs (every one passes validateCatalog), carts for them,
 * and "arbitrary-ish" catalog documents for checking what validation lets through.
 */
import fc from 'fast-check';
import type { Catalog, Offer, PriceTier, QuantityRules, QuoteLineInput, Sku } from '../src/index.js';

/** Bounds for {@link catalogArb}. */
export interface CatalogBounds {
  /** Largest first-tier unit price, minor units. */
  readonly maxPrice?: number;
  readonly maxOffers?: number;
  readonly maxSkus?: number;
}

/** A valid ladder: 1–5 tiers, minQuantity ascending from 1–10, prices never rising. */
export function ladderArb(maxPrice = 1_000_000): fc.Arbitrary<PriceTier[]> {
  return fc
    .tuple(
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 0, max: maxPrice }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 1000 })), {
        maxLength: 4,
      }),
    )
    .map(([firstMin, firstPrice, steps]) => {
      const tiers: PriceTier[] = [{ minQuantity: firstMin, unitPrice: firstPrice }];
      let min = firstMin;
      let price = firstPrice;
      for (const [gap, cut] of steps) {
        min += gap;
        // Cut by a fraction (per mille) of the price, so the result stays a non-negative integer.
        price -= Math.floor((price * cut) / 1000);
        tiers.push({ minQuantity: min, unitPrice: price });
      }
      return tiers;
    });
}

/** Valid rules: step 1–12, moq a multiple of it, max null or a multiple ≥ moq. */
export const rulesArb: fc.Arbitrary<QuantityRules> = fc
  .tuple(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 5 }),
    fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  )
  .map(([step, k, extra]) => ({ moq: step * k, step, max: extra === null ? null : step * (k + extra) }));

interface SkuSpec {
  tiers: PriceTier[] | null;
  rules: QuantityRules | null;
}

interface OfferSpec {
  scope: 'offer' | 'sku';
  tiers: PriceTier[];
  rules: QuantityRules;
  skus: SkuSpec[];
  /** Add a second sourcing entry restricted to the first SKU. */
  restricted: boolean;
}

function offerSpecArb(bounds: CatalogBounds): fc.Arbitrary<OfferSpec> {
  const maxPrice = bounds.maxPrice ?? 1_000_000;
  const sku: fc.Arbitrary<SkuSpec> = fc.record({
    tiers: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: ladderArb(maxPrice) },
    ),
    rules: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: rulesArb }),
  });
  return fc.record({
    scope: fc.constantFrom('offer' as const, 'sku' as const),
    tiers: ladderArb(maxPrice),
    rules: rulesArb,
    skus: fc.array(sku, { minLength: 1, maxLength: bounds.maxSkus ?? 4 }),
    restricted: fc.boolean(),
  });
}

/** SKU ids follow `o<offer>-s<sku>`, so carts can be generated without the catalog. */
export const skuIdOf = (offer: number, sku: number): string => `o${offer}-s${sku}`;

function buildOffer(spec: OfferSpec, i: number, factoryCount: number): Offer {
  const skus: Sku[] = spec.skus.map((s, j) => ({
    id: skuIdOf(i, j),
    attributes: { n: String(j) },
    ...(s.tiers ? { tiers: s.tiers } : {}),
    ...(s.rules ? { rules: s.rules } : {}),
  }));
  return {
    id: `o${i}`,
    title: { 'zh-CN': `商品 ${i}`, en: `Offer ${i}` },
    category: 'test',
    unit: 'piece',
    pricing: { scope: spec.scope, tiers: spec.tiers },
    rules: spec.rules,
    skus,
    sourcing: [
      { factoryId: `f${i % factoryCount}`, priority: 1 },
      ...(spec.restricted ? [{ factoryId: 'f0', priority: 2, skuIds: [skuIdOf(i, 0)] }] : []),
    ],
  };
}

/** Catalogs that validateCatalog accepts: 1–6 offers of 1–4 SKUs, mixed scopes and SKU ladders. */
export function catalogArb(bounds: CatalogBounds = {}): fc.Arbitrary<Catalog> {
  return fc
    .record({
      currency: fc.constantFrom('CNY', 'JPY', 'USD', 'KWD'),
      factoryCount: fc.integer({ min: 1, max: 3 }),
      offers: fc.array(offerSpecArb(bounds), { minLength: 1, maxLength: bounds.maxOffers ?? 6 }),
    })
    .map(({ currency, factoryCount, offers }) => ({
      currency,
      factories: Array.from({ length: factoryCount }, (_, i) => ({
        id: `f${i}`,
        name: `Factory ${i}`,
        region: 'CN-ZJ',
        dailyCapacity: 100 * (i + 1),
        leadTimeDays: i,
      })),
      offers: offers.map((spec, i) => buildOffer(spec, i, factoryCount)),
    }));
}

/** Every SKU id of a catalog. */
export function skuIds(catalog: Catalog): string[] {
  return catalog.offers.flatMap((offer) => offer.skus.map((sku) => sku.id));
}

/** A cart of valid lines (known SKUs, quantities 1–maxQuantity) for `catalog`. */
export function cartArb(catalog: Catalog, maxQuantity = 3000): fc.Arbitrary<QuoteLineInput[]> {
  return fc.array(
    fc.record({
      skuId: fc.constantFrom(...skuIds(catalog)),
      quantity: fc.integer({ min: 1, max: maxQuantity }),
    }),
    { maxLength: 25 },
  );
}

/** Quantities a hostile or buggy client might send. */
export const wildQuantityArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 1, max: 5000 }),
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 2 ** 53, -0, 1.5, '5', null, undefined),
);

/** Lines with known, unknown and malformed SKU ids and quantities (no catalog needed). */
export const wildCartArb: fc.Arbitrary<QuoteLineInput[]> = fc.array(
  fc
    .record({
      skuId: fc.oneof(
        fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 4 })).map(([o, s]) => skuIdOf(o, s)),
        fc.constantFrom('nope', '', 7 as unknown as string),
      ),
      quantity: wildQuantityArb,
    })
    .map((line) => line as QuoteLineInput),
  { maxLength: 25 },
);

/** Numbers that break rules: negative, fractional, huge, not finite. */
export const weirdNumberArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 2000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -1, 0, 0.5, 2 ** 53, Number.MAX_SAFE_INTEGER, '12', null),
);

/** Paths (as key lists) of every number in a JSON value. */
function numberPaths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  if (typeof value === 'number') out.push(at);
  else if (Array.isArray(value)) value.forEach((item, i) => numberPaths(item, [...at, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) numberPaths(item, [...at, key], out);
  }
  return out;
}

/**
 * Catalog documents near the valid ones: a valid catalog (prices up to the safe limit) with
 * up to three of its numbers replaced by {@link weirdNumberArb} values. Some stay valid,
 * most do not — exactly the mix that tests what validation lets through.
 */
export const nearCatalogArb: fc.Arbitrary<unknown> = fc
  .tuple(
    catalogArb({ maxPrice: Number.MAX_SAFE_INTEGER, maxOffers: 3 }),
    fc.array(fc.tuple(fc.nat(), weirdNumberArb), { maxLength: 3 }),
  )
  .map(([catalog, mutations]) => {
    const doc = JSON.parse(JSON.stringify(catalog)) as Record<string, unknown>;
    const paths = numberPaths(doc);
    for (const [pick, value] of mutations) {
      const path = paths[pick % paths.length];
      if (path === undefined) continue;
      let node = doc as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path[path.length - 1] as string | number] = value;
    }
    return doc;
  });
