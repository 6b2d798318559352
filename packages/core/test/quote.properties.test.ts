import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  effectiveRules,
  effectiveTiers,
  quote,
  validateCatalog,
  type Catalog,
  type Offer,
  type PriceTier,
  type Quote,
  type Sku,
} from '../src/index.js';
import { cartArb, catalogArb, nearCatalogArb, wildCartArb } from './arbitraries.js';

const NUM_RUNS = Math.max(1000, Number(process.env.FC_NUM_RUNS ?? 1000));

function skuTable(catalog: Catalog): Map<string, { offer: Offer; sku: Sku }> {
  const table = new Map<string, { offer: Offer; sku: Sku }>();
  for (const offer of catalog.offers) for (const sku of offer.skus) table.set(sku.id, { offer, sku });
  return table;
}

/** The ladder price by linear scan: an oracle independent of tierIndexFor's binary search. */
function oraclePrice(tiers: readonly PriceTier[], counted: number): number {
  let price = tiers[0]?.unitPrice ?? Number.NaN;
  for (const tier of tiers) if (tier.minQuantity <= counted) price = tier.unitPrice;
  return price;
}

const isAmount = (value: number) => Number.isSafeInteger(value) && value >= 0;

function expectSafeAmounts(result: Quote): void {
  expect(isAmount(result.subtotal)).toBe(true);
  for (const line of result.lines) {
    expect(Number.isSafeInteger(line.quantity) && line.quantity > 0).toBe(true);
    expect(isAmount(line.unitPrice)).toBe(true);
    expect(isAmount(line.lineTotal)).toBe(true);
  }
  for (const offer of result.offers) {
    expect(isAmount(offer.subtotal)).toBe(true);
    expect(isAmount(offer.savings)).toBe(true);
    expect(Number.isSafeInteger(offer.totalQuantity) && offer.totalQuantity > 0).toBe(true);
    if (offer.nextTier) {
      expect(Number.isSafeInteger(offer.nextTier.addQuantity) && offer.nextTier.addQuantity > 0).toBe(true);
      expect(isAmount(offer.nextTier.unitPrice)).toBe(true);
    }
  }
}

describe('quote properties', () => {
  it('unit price never rises when quantity rises (any scope, any valid ladder)', () => {
    const scenario = catalogArb().chain((catalog) =>
      fc.tuple(
        fc.constant(catalog),
        cartArb(catalog).filter((lines) => lines.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 2000 }),
        cartArb(catalog),
      ),
    );
    fc.assert(
      fc.property(scenario, ([catalog, lines, pick, extra, more]) => {
        const before = quote(catalog, lines);
        const grown = lines.map((line, i) =>
          i === pick % lines.length ? { ...line, quantity: line.quantity + extra } : line,
        );
        // Raise one line, and add more lines on top: no SKU may get a higher unit price.
        for (const after of [quote(catalog, grown), quote(catalog, [...grown, ...more])]) {
          const priceAfter = new Map(after.lines.map((line) => [line.skuId, line.unitPrice]));
          for (const line of before.lines) {
            expect(priceAfter.get(line.skuId)).toBeLessThanOrEqual(line.unitPrice);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('prices each line at the tier its counted quantity picks, on its own ladder', () => {
    const scenario = catalogArb().chain((catalog) => fc.tuple(fc.constant(catalog), cartArb(catalog)));
    fc.assert(
      fc.property(scenario, ([catalog, lines]) => {
        const table = skuTable(catalog);
        const perSku = new Map<string, number>();
        for (const line of lines) perSku.set(line.skuId, (perSku.get(line.skuId) ?? 0) + line.quantity);
        const result = quote(catalog, lines);
        expect(result.lines.map((line) => line.skuId)).toEqual([...perSku.keys()]);
        for (const line of result.lines) {
          const { offer, sku } = table.get(line.skuId)!;
          const offerTotal = offer.skus.reduce((sum, s) => sum + (perSku.get(s.id) ?? 0), 0);
          const counted = offer.pricing.scope === 'offer' ? offerTotal : line.quantity;
          expect(line.quantity).toBe(perSku.get(line.skuId));
          expect(line.countedQuantity).toBe(counted);
          expect(line.unitPrice).toBe(oraclePrice(effectiveTiers(offer, sku), counted));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('line totals add up to offer subtotals, and those to the cart subtotal', () => {
    const scenario = catalogArb().chain((catalog) =>
      fc.tuple(fc.constant(catalog), fc.oneof(cartArb(catalog), wildCartArb)),
    );
    fc.assert(
      fc.property(scenario, ([catalog, lines]) => {
        const table = skuTable(catalog);
        const result = quote(catalog, lines);
        expectSafeAmounts(result);
        let cart = 0;
        for (const offer of result.offers) {
          const own = result.lines.filter((line) => line.offerId === offer.offerId);
          expect(own.length).toBeGreaterThan(0);
          expect(own.reduce((sum, line) => sum + line.lineTotal, 0)).toBe(offer.subtotal);
          expect(own.reduce((sum, line) => sum + line.quantity, 0)).toBe(offer.totalQuantity);
          const savings = own.reduce((sum, line) => {
            const { offer: o, sku } = table.get(line.skuId)!;
            return sum + ((effectiveTiers(o, sku)[0]?.unitPrice ?? 0) - line.unitPrice) * line.quantity;
          }, 0);
          expect(offer.savings).toBe(savings);
          cart += offer.subtotal;
        }
        for (const line of result.lines) expect(line.lineTotal).toBe(line.unitPrice * line.quantity);
        expect(result.subtotal).toBe(cart);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('an ok quote only ever accepted positive safe integer quantities that meet every rule', () => {
    const scenario = catalogArb().chain((catalog) =>
      fc.tuple(fc.constant(catalog), fc.oneof(cartArb(catalog, 60), wildCartArb)),
    );
    let accepted = 0;
    fc.assert(
      fc.property(scenario, ([catalog, lines]) => {
        const result = quote(catalog, lines);
        const table = skuTable(catalog);
        const inputsSound = lines.every(
          (line) =>
            typeof line.quantity === 'number' &&
            Number.isSafeInteger(line.quantity) &&
            line.quantity > 0 &&
            table.has(line.skuId),
        );
        if (!inputsSound) expect(result.ok).toBe(false);
        if (!result.ok) return;
        accepted += 1;
        for (const line of result.lines) {
          const { offer, sku } = table.get(line.skuId)!;
          const rules = effectiveRules(offer, sku);
          expect(Number.isSafeInteger(line.quantity) && line.quantity > 0).toBe(true);
          expect(line.quantity % rules.step).toBe(0);
          const offerTotal = result.offers.find((o) => o.offerId === offer.id)!.totalQuantity;
          const offerWide = offer.pricing.scope === 'offer';
          if (offerWide) {
            expect(offerTotal).toBeGreaterThanOrEqual(offer.rules.moq);
            expect(offerTotal).toBeLessThanOrEqual(offer.rules.max ?? Infinity);
          }
          if (!offerWide || sku.rules) {
            expect(line.quantity).toBeGreaterThanOrEqual(rules.moq);
            expect(line.quantity).toBeLessThanOrEqual(rules.max ?? Infinity);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('validateCatalog never accepts a catalog whose quote could return a negative, fractional or unsafe amount', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(nearCatalogArb, wildCartArb, (doc, lines) => {
        const validation = validateCatalog(doc);
        if (!validation.ok) {
          refused += 1;
          expect(validation.problems.length).toBeGreaterThan(0);
          return;
        }
        accepted += 1;
        expectSafeAmounts(quote(validation.catalog, lines));
      }),
      { numRuns: NUM_RUNS },
    );
    // Both branches must really be exercised, or the property says nothing.
    expect(accepted).toBeGreaterThan(NUM_RUNS / 10);
    expect(refused).toBeGreaterThan(NUM_RUNS / 10);
  });

  it('every generated catalog is valid', () => {
    fc.assert(
      fc.property(catalogArb({ maxPrice: Number.MAX_SAFE_INTEGER }), (catalog) => {
        const validation = validateCatalog(catalog);
        expect(validation.ok ? [] : validation.problems).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
