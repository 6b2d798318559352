/**
 * A small store for the API tests: three factories in two regions, three hand-written offers
 * (mixed-batch and per-SKU pricing, MOQ and steps, restricted sourcing) plus filler offers
 * for paging, two publishable keys with different origins, a secret key, factory keys and a
 * merchant webhook.
 */
import { parseStore, type StoreConfig } from '../../src/store/store-file.js';

export const SHOP_ORIGIN = 'https://shop.example';
export const OTHER_ORIGIN = 'https://other.example';
export const PK = 'pk_test_shop';
export const PK_OTHER = 'pk_test_other';
export const SK = 'sk_test_admin';
export const FK_YIWU = 'fk_test_yiwu';
export const FK_NINGBO = 'fk_test_ningbo';
export const FK_DEHUA = 'fk_test_dehua';

const secret = (seed: string): string => `whsec_${btoa(seed.padEnd(24, '.'))}`;

/** How many filler offers come after the three hand-written ones. */
export const FILLER_OFFERS = 22;

export function testStoreDocument(): Record<string, unknown> {
  const filler = Array.from({ length: FILLER_OFFERS }, (_, i) => ({
    id: `filler-${String(i).padStart(2, '0')}`,
    title: { en: `Filler Widget ${i}`, 'zh-CN': `填充商品${i}` },
    category: 'misc',
    unit: 'piece',
    pricing: { scope: 'sku', tiers: [{ minQuantity: 1, unitPrice: 100 + i }] },
    rules: { moq: 1, step: 1 },
    skus: [{ id: `filler-${String(i).padStart(2, '0')}-std`, attributes: { size: 'std' } }],
    sourcing: [{ factoryId: 'f-yiwu', priority: 1 }],
  }));
  return {
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    keys: {
      publishable: [
        { key: PK, allowedOrigins: [SHOP_ORIGIN, 'http://localhost:5173'] },
        { key: PK_OTHER, allowedOrigins: [OTHER_ORIGIN] },
      ],
      secret: SK,
    },
    webhooks: { merchant: { url: 'https://merchant.example/hooks', secret: secret('merchant') } },
    factories: [
      {
        id: 'f-yiwu',
        name: 'Yiwu Knitting Co.',
        region: 'CN-ZJ',
        dailyCapacity: 1000,
        leadTimeDays: 2,
        apiKey: FK_YIWU,
        webhookUrl: 'https://yiwu.example/hooks',
        webhookSecret: secret('yiwu'),
      },
      {
        id: 'f-ningbo',
        name: 'Ningbo Textiles',
        region: 'CN-ZJ',
        dailyCapacity: 500,
        leadTimeDays: 3,
        apiKey: FK_NINGBO,
        webhookUrl: 'https://ningbo.example/hooks',
        webhookSecret: secret('ningbo'),
      },
      {
        id: 'f-dehua',
        name: 'Dehua Ceramics',
        region: 'CN-FJ',
        dailyCapacity: 300,
        leadTimeDays: 5,
        apiKey: FK_DEHUA,
        webhookUrl: 'https://dehua.example/hooks',
        webhookSecret: secret('dehua'),
      },
    ],
    offers: [
      {
        id: 'socks',
        title: { en: 'Cotton Socks', 'zh-CN': '纯棉袜子' },
        category: 'apparel',
        unit: 'pair',
        images: ['/images/socks.svg'],
        pricing: {
          scope: 'offer',
          tiers: [
            { minQuantity: 1, unitPrice: 500 },
            { minQuantity: 100, unitPrice: 450 },
            { minQuantity: 500, unitPrice: 400 },
          ],
        },
        rules: { moq: 50, step: 10 },
        skus: [
          { id: 'socks-red', attributes: { color: 'red' } },
          { id: 'socks-blue', attributes: { color: 'blue' } },
        ],
        sourcing: [
          { factoryId: 'f-yiwu', priority: 1 },
          { factoryId: 'f-ningbo', priority: 2 },
        ],
      },
      {
        id: 'mug',
        title: { en: 'Ceramic Mug', 'zh-CN': '陶瓷马克杯' },
        category: 'kitchen',
        unit: 'piece',
        pricing: {
          scope: 'sku',
          tiers: [
            { minQuantity: 1, unitPrice: 1200 },
            { minQuantity: 48, unitPrice: 1000 },
          ],
        },
        rules: { moq: 12, step: 6 },
        skus: [
          { id: 'mug-white', attributes: { color: 'white' } },
          { id: 'mug-black', attributes: { color: 'black' } },
        ],
        sourcing: [{ factoryId: 'f-dehua', priority: 1 }],
      },
      {
        id: 'tote',
        title: 'Canvas Tote Bag',
        category: 'apparel',
        unit: 'piece',
        pricing: { scope: 'sku', tiers: [{ minQuantity: 1, unitPrice: 900 }] },
        rules: { moq: 1, step: 1 },
        skus: [
          { id: 'tote-natural', attributes: { color: 'natural' } },
          { id: 'tote-black', attributes: { color: 'black' } },
        ],
        sourcing: [
          { factoryId: 'f-yiwu', priority: 1, skuIds: ['tote-natural'] },
          { factoryId: 'f-ningbo', priority: 2 },
        ],
      },
      ...filler,
    ],
  };
}

export function testStore(overrides: (doc: Record<string, unknown>) => void = () => undefined): StoreConfig {
  const doc = testStoreDocument();
  overrides(doc);
  const result = parseStore(doc);
  if (!result.ok)
    throw new Error(`test store is invalid:\n${result.problems.map((p) => p.message).join('\n')}`);
  return result.store;
}

/** A valid order body: 60 red + 40 blue socks (mixed batch → 100 pairs at 4.50) and 12 white mugs. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    buyer: {
      name: 'Li Wei',
      phone: '+86 138 0000 0000',
      email: 'li.wei@example.com',
      company: 'Wei Trading',
    },
    shipTo: {
      country: 'CN',
      region: 'CN-ZJ',
      city: 'Hangzhou',
      line1: '1 West Lake Road',
      postalCode: '310000',
    },
    lines: [
      { skuId: 'socks-red', quantity: 60 },
      { skuId: 'socks-blue', quantity: 40 },
      { skuId: 'mug-white', quantity: 12 },
    ],
    expectedTotal: 100 * 450 + 12 * 1200,
    ...overrides,
  };
}

export const ORDER_TOTAL = 100 * 450 + 12 * 1200;
