import { describe, expect, it } from 'vitest';
import { effectiveRules, effectiveTiers, tierIndexFor } from '../src/index.js';
import { exampleCatalog, teeTiers } from './fixtures.js';

describe('tierIndexFor', () => {
  it.each([
    [1, 0], // below the first tier: tier 0, flagged by the MOQ rule instead
    [2, 0],
    [3, 0],
    [99, 0],
    [100, 1],
    [101, 1],
    [999, 1],
    [1000, 2],
    [1001, 2],
    [Number.MAX_SAFE_INTEGER, 2],
  ])('quantity %i → tier %i', (quantity, index) => {
    expect(tierIndexFor(teeTiers, quantity)).toBe(index);
  });

  it('handles a one-tier ladder and an empty one', () => {
    expect(tierIndexFor([{ minQuantity: 1, unitPrice: 5 }], 7)).toBe(0);
    expect(tierIndexFor([], 7)).toBe(-1);
  });

  it('agrees with a linear scan on long ladders', () => {
    const tiers = Array.from({ length: 37 }, (_, i) => ({ minQuantity: 1 + i * 7, unitPrice: 1000 - i }));
    for (let quantity = 0; quantity < 300; quantity += 1) {
      let expected = 0;
      tiers.forEach((tier, i) => {
        if (tier.minQuantity <= quantity) expected = i;
      });
      expect(tierIndexFor(tiers, quantity)).toBe(expected);
    }
  });
});

describe('effective ladder and rules', () => {
  const offer = exampleCatalog.offers[0]!;
  const [plain, own] = offer.skus;

  it('uses the offer ladder unless the SKU has its own', () => {
    expect(effectiveTiers(offer, plain!)).toBe(offer.pricing.tiers);
    expect(effectiveTiers(offer, own!)).toBe(own!.tiers);
  });

  it('uses the SKU rules as a whole when present', () => {
    expect(effectiveRules(offer, plain!)).toBe(offer.rules);
    const sku = { id: 'x', attributes: {}, rules: { moq: 6, step: 6 } };
    expect(effectiveRules(offer, sku)).toEqual({ moq: 6, step: 6 });
  });
});
