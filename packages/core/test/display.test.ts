import { describe, expect, it } from 'vitest';
import { formatMoney, priceRange, tierTable, type TierRow } from '../src/index.js';
import { exampleCatalog, teeCatalog } from './fixtures.js';

const coat = exampleCatalog.offers[0]!;

function describeRows(rows: readonly TierRow[]): string {
  return rows
    .map((row) => {
      const range =
        row.maxQuantity === null ? `≥${row.minQuantity}` : `${row.minQuantity}–${row.maxQuantity}`;
      return `${range} ${formatMoney(row.unitPrice, 'CNY', 'zh-CN')}`;
    })
    .join(' · ');
}

describe('tierTable', () => {
  it('lists the offer ladder as quantity ranges', () => {
    expect(tierTable(coat)).toEqual([
      { minQuantity: 2, maxQuantity: 99, unitPrice: 1200 },
      { minQuantity: 100, maxQuantity: 999, unitPrice: 1050 },
      { minQuantity: 1000, maxQuantity: null, unitPrice: 980 },
    ]);
    expect(describeRows(tierTable(coat))).toBe('2–99 ¥12.00 · 100–999 ¥10.50 · ≥1000 ¥9.80');
  });

  it("uses a SKU's own ladder", () => {
    expect(describeRows(tierTable(coat, coat.skus[1]))).toBe('2–99 ¥13.00 · 100–999 ¥11.50 · ≥1000 ¥10.80');
    expect(tierTable(coat, coat.skus[0])).toEqual(tierTable(coat));
  });

  it('starts at the MOQ and stops at max', () => {
    const offer = teeCatalog({ rules: { moq: 120, step: 1, max: 1500 } }).offers[0]!;
    expect(describeRows(tierTable(offer))).toBe('120–999 ¥10.50 · 1000–1500 ¥9.80');
    const low = teeCatalog({ rules: { moq: 1, step: 1, max: 500 } }).offers[0]!;
    expect(describeRows(tierTable(low))).toBe('1–99 ¥12.00 · 100–500 ¥10.50');
  });

  it("uses the SKU's own rules only under sku scope", () => {
    const blue = { rules: { moq: 200, step: 1 } };
    const bySku = teeCatalog({ scope: 'sku', blue }).offers[0]!;
    expect(tierTable(bySku, bySku.skus[1])[0]?.minQuantity).toBe(200);
    const byOffer = teeCatalog({ scope: 'offer', blue }).offers[0]!;
    expect(tierTable(byOffer, byOffer.skus[1])[0]?.minQuantity).toBe(2);
  });
});

describe('priceRange', () => {
  it('spans every tier of every SKU ladder', () => {
    expect(priceRange(coat)).toEqual({ min: 980, max: 1300 });
    expect(priceRange(teeCatalog().offers[0]!)).toEqual({ min: 980, max: 1200 });
  });

  it('ignores the offer ladder when every SKU has its own', () => {
    const own = [{ minQuantity: 1, unitPrice: 500 }];
    const offer = { ...coat, skus: coat.skus.map((sku) => ({ ...sku, tiers: own })) };
    expect(priceRange(offer)).toEqual({ min: 500, max: 500 });
  });
});
