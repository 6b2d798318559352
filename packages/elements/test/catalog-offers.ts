import type { Offer } from '@chainkit/core';

const CATEGORIES = ['outerwear', 'knitwear', 'socks', 'hats', 'gloves'] as const;

/**
 * `count` generated offers for catalog tests: ids `offer-0…`, titles in en and zh-CN, the 1688
 * example ladder (2–99 ¥12.00, 100–999 ¥10.50, ≥1000 ¥9.80), every third offer sold in boxes of 6.
 */
export function makeOffers(count: number): Offer[] {
  return Array.from({ length: count }, (_, i): Offer => {
    const boxed = i % 3 === 2;
    return {
      id: `offer-${i}`,
      title: { en: `Generated offer ${i}`, 'zh-CN': `测试商品 ${i}` },
      category: CATEGORIES[i % CATEGORIES.length] ?? 'outerwear',
      unit: 'piece',
      pricing: {
        scope: 'offer',
        tiers: [
          { minQuantity: 2, unitPrice: 1200 },
          { minQuantity: 100, unitPrice: 1050 },
          { minQuantity: 1000, unitPrice: 980 },
        ],
      },
      rules: boxed ? { moq: 6, step: 6 } : { moq: 2, step: 1 },
      skus: [{ id: `offer-${i}-one`, attributes: { color: 'Black' } }],
      sourcing: [{ factoryId: 'f-yiwu', priority: 1 }],
    };
  });
}
