/**
 * A small, realistic catalog for element tests (served by the msw handlers in `handlers.ts`):
 *
 * - `coat`: mixed batch (offer scope: the total across colours and sizes picks the tier),
 *   colour × size SKUs (Black/Camel × M/L/XL), MOQ 10, max 5,000; `coat-camel-xl` has its own
 *   dearer ladder. Two factories can make it.
 * - `hat`: per-SKU pricing (sku scope), MOQ 5 per SKU, two colours.
 * - `socks`: sold by the pair in boxes of 6 (step 6, MOQ 12), one attribute (colour).
 * - two factories, Ningbo (slower, bigger) and Yiwu (faster).
 *
 * Prices are integer fen (CNY).
 */
import type { Catalog, Factory, Offer } from '@chainkit/core';

export const FACTORIES: readonly Factory[] = [
  {
    id: 'f-ningbo',
    name: '宁波海曙服装厂 Ningbo Haishu Garments',
    region: 'CN-ZJ',
    dailyCapacity: 800,
    leadTimeDays: 5,
  },
  {
    id: 'f-yiwu',
    name: '义乌织暖针织厂 Yiwu Zhinuan Knitting',
    region: 'CN-ZJ',
    dailyCapacity: 3000,
    leadTimeDays: 3,
  },
];

const COAT_IMAGE =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#e7e5e4"/>' +
      '<path d="M12 8h16l4 8-4 2v16H12V18l-4-2z" fill="#44403c"/></svg>',
  );

const colours = ['Black', 'Camel'] as const;
const sizes = ['M', 'L', 'XL'] as const;

export const COAT: Offer = {
  id: 'coat',
  title: { en: 'Wool-blend double-breasted coat', 'zh-CN': '羊毛混纺双排扣大衣' },
  category: 'outerwear',
  unit: 'piece',
  images: [COAT_IMAGE],
  description: {
    en: '<p>60% wool, 40% polyester. <strong>Mix colours and sizes</strong> freely.</p>',
    'zh-CN': '<p>60% 羊毛，40% 涤纶。<strong>颜色尺码可混批</strong>。</p>',
  },
  pricing: {
    scope: 'offer',
    tiers: [
      { minQuantity: 10, unitPrice: 15800 },
      { minQuantity: 50, unitPrice: 14200 },
      { minQuantity: 200, unitPrice: 12800 },
    ],
  },
  rules: { moq: 10, step: 1, max: 5000 },
  skus: colours.flatMap((colour) =>
    sizes.map((size) => ({
      id: `coat-${colour.toLowerCase()}-${size.toLowerCase()}`,
      attributes: { color: colour, size },
      ...(colour === 'Camel' && size === 'XL'
        ? {
            tiers: [
              { minQuantity: 10, unitPrice: 16800 },
              { minQuantity: 50, unitPrice: 15200 },
              { minQuantity: 200, unitPrice: 13800 },
            ],
          }
        : {}),
    })),
  ),
  sourcing: [
    { factoryId: 'f-ningbo', priority: 1 },
    { factoryId: 'f-yiwu', priority: 2 },
  ],
};

export const HAT: Offer = {
  id: 'hat',
  title: { en: 'Cable-knit beanie', 'zh-CN': '麻花针织毛线帽' },
  category: 'accessories',
  unit: 'piece',
  pricing: {
    scope: 'sku',
    tiers: [
      { minQuantity: 5, unitPrice: 1500 },
      { minQuantity: 20, unitPrice: 1200 },
      { minQuantity: 100, unitPrice: 900 },
    ],
  },
  rules: { moq: 5, step: 1 },
  skus: [
    { id: 'hat-red', attributes: { color: 'Red' } },
    { id: 'hat-grey', attributes: { color: 'Grey' } },
  ],
  sourcing: [{ factoryId: 'f-yiwu', priority: 1 }],
};

export const SOCKS: Offer = {
  id: 'socks',
  title: { en: 'Merino crew socks (box of 6 pairs)', 'zh-CN': '美利奴羊毛中筒袜（6 双装）' },
  category: 'accessories',
  unit: 'pair',
  description: 'Plain text description, no markup.',
  pricing: {
    scope: 'offer',
    tiers: [
      { minQuantity: 12, unitPrice: 450 },
      { minQuantity: 120, unitPrice: 380 },
    ],
  },
  rules: { moq: 12, step: 6 },
  skus: [
    { id: 'socks-white', attributes: { color: 'White' } },
    { id: 'socks-black', attributes: { color: 'Black' } },
    { id: 'socks-grey', attributes: { color: 'Grey' } },
  ],
  sourcing: [{ factoryId: 'f-yiwu', priority: 1 }],
};

/** The fixture catalog. Never mutated: handlers copy it when a test changes prices. */
export const FIXTURE_CATALOG: Catalog = {
  currency: 'CNY',
  factories: FACTORIES,
  offers: [COAT, HAT, SOCKS],
};
