import type { Catalog, Offer, PriceTier, PricingScope, QuantityRules, Sku } from '../src/index.js';

/** The example catalog from the pricing issue, verbatim. */
export const exampleCatalog: Catalog = {
  currency: 'CNY',
  factories: [
    { id: 'f-yiwu', name: 'Yiwu Knitting No. 3', region: 'CN-ZJ', dailyCapacity: 2000, leadTimeDays: 2 },
  ],
  offers: [
    {
      id: 'coat',
      title: { 'zh-CN': '加厚军大衣', en: 'Padded army coat' },
      category: 'outerwear',
      unit: 'piece',
      images: ['…'],
      description: '…',
      pricing: {
        scope: 'offer',
        tiers: [
          { minQuantity: 2, unitPrice: 1200 },
          { minQuantity: 100, unitPrice: 1050 },
          { minQuantity: 1000, unitPrice: 980 },
        ],
      },
      rules: { moq: 2, step: 1, max: null },
      skus: [
        { id: 'coat-red-m', attributes: { color: 'red', size: 'M' } },
        {
          id: 'coat-red-xl',
          attributes: { color: 'red', size: 'XL' },
          tiers: [
            { minQuantity: 2, unitPrice: 1300 },
            { minQuantity: 100, unitPrice: 1150 },
            { minQuantity: 1000, unitPrice: 1080 },
          ],
        },
      ],
      sourcing: [{ factoryId: 'f-yiwu', priority: 1 }],
    },
  ],
};

/** The ladder of the worked examples: 2+ ¥12.00, 100+ ¥10.50, 1000+ ¥9.80. */
export const teeTiers: readonly PriceTier[] = [
  { minQuantity: 2, unitPrice: 1200 },
  { minQuantity: 100, unitPrice: 1050 },
  { minQuantity: 1000, unitPrice: 980 },
];

/** Options for {@link teeCatalog}. */
export interface TeeOptions {
  scope?: PricingScope;
  rules?: QuantityRules;
  currency?: string;
  tiers?: readonly PriceTier[];
  /** Extra fields for the blue SKU (own tiers, own rules). */
  blue?: Partial<Sku>;
}

/** One offer `tee` with SKUs `tee-red` and `tee-blue` on {@link teeTiers}, MOQ 2, step 1. */
export function teeCatalog(options: TeeOptions = {}): Catalog {
  const offer: Offer = {
    id: 'tee',
    title: { 'zh-CN': 'T恤', en: 'T-shirt' },
    category: 'tops',
    unit: 'piece',
    pricing: { scope: options.scope ?? 'offer', tiers: options.tiers ?? teeTiers },
    rules: options.rules ?? { moq: 2, step: 1, max: null },
    skus: [
      { id: 'tee-red', attributes: { color: 'red' } },
      { id: 'tee-blue', attributes: { color: 'blue' }, ...options.blue },
    ],
    sourcing: [{ factoryId: 'f-1', priority: 1 }],
  };
  return {
    currency: options.currency ?? 'CNY',
    factories: [{ id: 'f-1', name: 'Factory 1', region: 'CN-ZJ', dailyCapacity: 1000, leadTimeDays: 1 }],
    offers: [offer],
  };
}

/** A deep, mutable JSON copy of a catalog, for breaking it on purpose. */
export function cloneDoc(catalog: Catalog): Record<string, unknown> {
  return JSON.parse(JSON.stringify(catalog)) as Record<string, unknown>;
}

/**
 * A copy of `catalog` with the value at `path` (`offers[0].rules.moq`) replaced, or
 * removed when `value` is `undefined`.
 */
export function withValue(catalog: Catalog, path: string, value: unknown): Record<string, unknown> {
  const doc = cloneDoc(catalog);
  const keys = path
    .split(/\.|\[(\d+)\]/)
    .filter((key): key is string => key !== undefined && key !== '')
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  let node: unknown = doc;
  for (const key of keys.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[key];
    if (typeof node !== 'object' || node === null) throw new Error(`no ${String(key)} on the way to ${path}`);
  }
  const last = keys[keys.length - 1];
  if (last === undefined) throw new Error('empty path');
  const parent = node as Record<string | number, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return doc;
}
