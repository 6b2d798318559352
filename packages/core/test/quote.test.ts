import { describe, expect, it } from 'vitest';
import { formatMoney, quote, type Catalog, type QuoteLineInput } from '../src/index.js';
import { exampleCatalog, teeCatalog } from './fixtures.js';

const red = (quantity: number): QuoteLineInput => ({ skuId: 'tee-red', quantity });
const blue = (quantity: number): QuoteLineInput => ({ skuId: 'tee-blue', quantity });
const cny = (amount: number) => formatMoney(amount, 'CNY', 'zh-CN');

describe('quote: mixed batch (offer scope) against per-SKU scope', () => {
  it('60 red + 50 blue under offer scope price at the 100+ tier', () => {
    const result = quote(teeCatalog({ scope: 'offer' }), [red(60), blue(50)]);
    expect(result).toEqual({
      currency: 'CNY',
      lines: [
        {
          skuId: 'tee-red',
          offerId: 'tee',
          quantity: 60,
          unitPrice: 1050,
          lineTotal: 63000,
          tierIndex: 1,
          countedQuantity: 110,
        },
        {
          skuId: 'tee-blue',
          offerId: 'tee',
          quantity: 50,
          unitPrice: 1050,
          lineTotal: 52500,
          tierIndex: 1,
          countedQuantity: 110,
        },
      ],
      offers: [
        {
          offerId: 'tee',
          totalQuantity: 110,
          subtotal: 115500,
          savings: 16500,
          violations: [],
          nextTier: { addQuantity: 890, unitPrice: 980 },
        },
      ],
      violations: [],
      subtotal: 115500,
      ok: true,
    });
    expect(cny(result.subtotal)).toBe('¥1,155.00');
  });

  it('the same cart under sku scope prices each SKU at the first tier', () => {
    const result = quote(teeCatalog({ scope: 'sku' }), [red(60), blue(50)]);
    expect(result.lines.map((l) => [l.unitPrice, l.tierIndex, l.countedQuantity, l.lineTotal])).toEqual([
      [1200, 0, 60, 72000],
      [1200, 0, 50, 60000],
    ]);
    expect(result.offers[0]).toMatchObject({ totalQuantity: 110, subtotal: 132000, savings: 0 });
    // Red needs 40 more for the 100+ tier, blue 50: the nearer one is the hint.
    expect(result.offers[0]?.nextTier).toEqual({ addQuantity: 40, unitPrice: 1050, skuId: 'tee-red' });
    expect(cny(result.subtotal)).toBe('¥1,320.00');
    expect(result.ok).toBe(true);
  });

  it('merges duplicate lines by SKU before picking tiers and checking rules', () => {
    const result = quote(teeCatalog({ scope: 'sku' }), [red(30), blue(50), red(70)]);
    expect(result.lines.map((l) => [l.skuId, l.quantity, l.unitPrice])).toEqual([
      ['tee-red', 100, 1050],
      ['tee-blue', 50, 1200],
    ]);
  });
});

describe('quote: tier edges n−1, n, n+1', () => {
  it.each([
    [1, 0, 1200],
    [2, 0, 1200],
    [3, 0, 1200],
    [99, 0, 1200],
    [100, 1, 1050],
    [101, 1, 1050],
    [999, 1, 1050],
    [1000, 2, 980],
    [1001, 2, 980],
  ])('sku scope: %i units → tier %i at %i', (quantity, tierIndex, unitPrice) => {
    const result = quote(teeCatalog({ scope: 'sku' }), [red(quantity)]);
    expect(result.lines).toEqual([
      {
        skuId: 'tee-red',
        offerId: 'tee',
        quantity,
        unitPrice,
        lineTotal: unitPrice * quantity,
        tierIndex,
        countedQuantity: quantity,
      },
    ]);
    expect(result.ok).toBe(quantity >= 2);
  });

  it.each([
    [50, 49, 0, 1200],
    [50, 50, 1, 1050],
    [50, 51, 1, 1050],
    [500, 499, 1, 1050],
    [500, 500, 2, 980],
    [500, 501, 2, 980],
  ])('offer scope: %i red + %i blue → tier %i at %i for both', (r, b, tierIndex, unitPrice) => {
    const result = quote(teeCatalog({ scope: 'offer' }), [red(r), blue(b)]);
    for (const line of result.lines) {
      expect(line).toMatchObject({ tierIndex, unitPrice, countedQuantity: r + b });
    }
    expect(result.subtotal).toBe(unitPrice * (r + b));
  });
});

describe('quote: quantity rules', () => {
  it('MOQ applies to the offer total under offer scope', () => {
    const alone = quote(teeCatalog(), [red(1)]);
    expect(alone.offers[0]?.violations).toEqual([{ code: 'below_moq', moq: 2, quantity: 1 }]);
    expect(alone.ok).toBe(false);
    expect(alone.lines[0]?.lineTotal).toBe(1200); // still priced, so the buyer sees the cost
    expect(quote(teeCatalog(), [red(1), blue(1)]).ok).toBe(true);
  });

  it('MOQ applies to each SKU under sku scope', () => {
    const result = quote(teeCatalog({ scope: 'sku' }), [red(1), blue(5)]);
    expect(result.offers[0]?.violations).toEqual([
      { code: 'below_moq', skuId: 'tee-red', moq: 2, quantity: 1 },
    ]);
  });

  it('step applies to each line, MOQ to the total', () => {
    const catalog = teeCatalog({ rules: { moq: 12, step: 6 } });
    expect(quote(catalog, [red(6), blue(3)]).offers[0]?.violations).toEqual([
      { code: 'below_moq', moq: 12, quantity: 9 },
      { code: 'not_multiple_of_step', skuId: 'tee-blue', step: 6, quantity: 3 },
    ]);
    expect(quote(catalog, [red(6), blue(6)]).ok).toBe(true);
    expect(quote(catalog, [red(12), blue(7)]).offers[0]?.violations).toEqual([
      { code: 'not_multiple_of_step', skuId: 'tee-blue', step: 6, quantity: 7 },
    ]);
  });

  it('max caps the offer total under offer scope and each SKU under sku scope', () => {
    const rules = { moq: 2, step: 1, max: 500 };
    expect(quote(teeCatalog({ rules }), [red(300), blue(201)]).offers[0]?.violations).toEqual([
      { code: 'above_max', max: 500, quantity: 501 },
    ]);
    expect(quote(teeCatalog({ rules }), [red(300), blue(200)]).ok).toBe(true);
    expect(quote(teeCatalog({ rules, scope: 'sku' }), [red(501), blue(500)]).offers[0]?.violations).toEqual([
      { code: 'above_max', skuId: 'tee-red', max: 500, quantity: 501 },
    ]);
  });

  it("a SKU's own rules apply to its own quantity under offer scope too", () => {
    const catalog = teeCatalog({ blue: { rules: { moq: 10, step: 5 } } });
    expect(quote(catalog, [red(2), blue(5)]).offers[0]?.violations).toEqual([
      { code: 'below_moq', skuId: 'tee-blue', moq: 10, quantity: 5 },
    ]);
    expect(quote(catalog, [red(3), blue(10)]).ok).toBe(true);
    expect(quote(catalog, [red(3), blue(12)]).offers[0]?.violations).toEqual([
      { code: 'not_multiple_of_step', skuId: 'tee-blue', step: 5, quantity: 12 },
    ]);
  });
});

describe("quote: a SKU's own ladder", () => {
  it('prices from its own ladder at the offer total (example catalog)', () => {
    const result = quote(exampleCatalog, [
      { skuId: 'coat-red-m', quantity: 60 },
      { skuId: 'coat-red-xl', quantity: 50 },
    ]);
    expect(result.lines.map((l) => [l.skuId, l.tierIndex, l.unitPrice, l.lineTotal])).toEqual([
      ['coat-red-m', 1, 1050, 63000],
      ['coat-red-xl', 1, 1150, 57500],
    ]);
    expect(result.offers[0]).toMatchObject({ subtotal: 120500, savings: 9000 + 7500 });
    expect(cny(result.subtotal)).toBe('¥1,205.00');
    expect(quote(exampleCatalog, [{ skuId: 'coat-red-xl', quantity: 1000 }]).lines[0]?.unitPrice).toBe(1080);
  });

  it('is the ladder of the nextTier hint under sku scope', () => {
    const own = [
      { minQuantity: 1, unitPrice: 1500 },
      { minQuantity: 20, unitPrice: 1400 },
    ];
    const result = quote(teeCatalog({ scope: 'sku', blue: { tiers: own } }), [red(60), blue(10)]);
    expect(result.offers[0]?.nextTier).toEqual({ addQuantity: 10, unitPrice: 1400, skuId: 'tee-blue' });
  });
});

describe('quote: JPY catalog', () => {
  it('prices in whole yen', () => {
    const tiers = [
      { minQuantity: 2, unitPrice: 120 },
      { minQuantity: 100, unitPrice: 105 },
      { minQuantity: 1000, unitPrice: 98 },
    ];
    const result = quote(teeCatalog({ currency: 'JPY', tiers }), [red(60), blue(50)], { currency: 'JPY' });
    expect(result.currency).toBe('JPY');
    expect(result.subtotal).toBe(11550);
    expect(formatMoney(result.subtotal, 'JPY', 'ja-JP')).toBe('￥11,550');
    expect(result.ok).toBe(true);
  });
});

describe('quote: bad lines are reported, never thrown', () => {
  it('reports an unknown SKU and prices the rest', () => {
    const result = quote(teeCatalog(), [red(60), { skuId: 'tee-green', quantity: 5 }, blue(50)]);
    expect(result.violations).toEqual([{ code: 'unknown_sku', skuId: 'tee-green' }]);
    expect(result.lines.map((l) => l.skuId)).toEqual(['tee-red', 'tee-blue']);
    expect(result.subtotal).toBe(115500);
    expect(result.ok).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53, '5', Infinity, null, undefined])(
    'refuses quantity %j as invalid_quantity',
    (quantity) => {
      const line = { skuId: 'tee-red', quantity } as unknown as QuoteLineInput;
      const result = quote(teeCatalog(), [line, blue(10)]);
      expect(result.violations).toEqual([{ code: 'invalid_quantity', skuId: 'tee-red', quantity }]);
      expect(result.lines.map((l) => l.skuId)).toEqual(['tee-blue']);
      expect(result.ok).toBe(false);
    },
  );

  it('survives lines that are not objects or have no string skuId', () => {
    const lines = [null, { skuId: 7, quantity: 1 }] as unknown as QuoteLineInput[];
    const result = quote(teeCatalog(), lines);
    expect(result.violations).toEqual([
      { code: 'unknown_sku', skuId: 'undefined' },
      { code: 'invalid_quantity', skuId: 'undefined', quantity: undefined },
      { code: 'unknown_sku', skuId: '7' },
    ]);
    expect(result.lines).toEqual([]);
  });

  it('refuses a line whose amount would pass Number.MAX_SAFE_INTEGER', () => {
    const tiers = [{ minQuantity: 1, unitPrice: 10 ** 12 }];
    const catalog = teeCatalog({ tiers, rules: { moq: 1, step: 1 } });
    const huge = quote(catalog, [red(10_000)]);
    expect(huge.violations).toEqual([{ code: 'invalid_quantity', skuId: 'tee-red', quantity: 10_000 }]);
    expect(huge.lines).toEqual([]);
    // Each line is safe (5e15) but together they are not: the second one is refused.
    const both = quote(catalog, [red(5000), blue(5000)]);
    expect(both.lines.map((l) => l.lineTotal)).toEqual([5 * 10 ** 15]);
    expect(both.violations).toEqual([{ code: 'invalid_quantity', skuId: 'tee-blue', quantity: 5000 }]);
    expect(Number.isSafeInteger(both.subtotal)).toBe(true);
    // Two safe lines of one SKU whose sum is not safe: the second is refused.
    const free = teeCatalog({ tiers: [{ minQuantity: 1, unitPrice: 0 }], rules: { moq: 1, step: 1 } });
    const merged = quote(free, [red(2 ** 52), red(2 ** 52)]);
    expect(merged.violations).toEqual([{ code: 'invalid_quantity', skuId: 'tee-red', quantity: 2 ** 52 }]);
    expect(merged.lines.map((l) => l.quantity)).toEqual([2 ** 52]);
    // …and so are quantities whose offer total would not be safe.
    const total = quote(free, [red(2 ** 52), blue(2 ** 52)]);
    expect(total.violations).toEqual([{ code: 'invalid_quantity', skuId: 'tee-blue', quantity: 2 ** 52 }]);
  });

  it('reports a currency mismatch but still prices in the catalog currency', () => {
    const result = quote(teeCatalog(), [red(60), blue(50)], { currency: 'USD' });
    expect(result.violations).toEqual([{ code: 'currency_mismatch', expected: 'USD', actual: 'CNY' }]);
    expect(result.currency).toBe('CNY');
    expect(result.subtotal).toBe(115500);
    expect(result.ok).toBe(false);
    expect(quote(teeCatalog(), [red(2)], { currency: 'CNY' }).ok).toBe(true);
  });

  it('an empty cart is ok and costs nothing', () => {
    expect(quote(teeCatalog(), [])).toEqual({
      currency: 'CNY',
      lines: [],
      offers: [],
      violations: [],
      subtotal: 0,
      ok: true,
    });
  });
});

describe('quote: working memory reused across calls', () => {
  it('gives the same answer on repeated calls as on a fresh catalog', () => {
    const catalog = teeCatalog({ rules: { moq: 12, step: 6 } });
    const a = [red(60), blue(3), red(6)];
    const b = [blue(996), { skuId: 'nope', quantity: 1 }];
    const first = quote(catalog, a);
    const second = quote(catalog, b);
    expect(quote(catalog, a)).toEqual(first);
    expect(second).toEqual(quote(teeCatalog({ rules: { moq: 12, step: 6 } }), b));
    expect(first.offers[0]?.violations).toEqual([
      { code: 'not_multiple_of_step', skuId: 'tee-blue', step: 6, quantity: 3 },
    ]);
    expect(second.offers[0]?.violations).toEqual([]);
  });

  it('survives a nested call from a getter on a line', () => {
    const catalog = teeCatalog();
    let inner: ReturnType<typeof quote> | undefined;
    const sneaky = {
      skuId: 'tee-blue',
      get quantity() {
        inner = quote(catalog, [blue(7), red(1000)]);
        return 50;
      },
    };
    const outer = quote(catalog, [red(60), sneaky]);
    expect(outer).toEqual(quote(teeCatalog(), [red(60), blue(50)]));
    expect(inner).toEqual(quote(teeCatalog(), [blue(7), red(1000)]));
  });
});

describe('quote: nextTier and savings', () => {
  it('"add 890 more to pay ¥9.80"', () => {
    const next = quote(teeCatalog(), [red(60), blue(50)]).offers[0]?.nextTier;
    expect(next).toEqual({ addQuantity: 890, unitPrice: 980 });
    expect(`add ${next?.addQuantity} more to pay ${cny(next?.unitPrice ?? 0)}`).toBe(
      'add 890 more to pay ¥9.80',
    );
  });

  it('is null at the top tier and when the next tier is beyond max', () => {
    expect(quote(teeCatalog(), [red(1000)]).offers[0]?.nextTier).toBeNull();
    const capped = teeCatalog({ rules: { moq: 2, step: 1, max: 500 } });
    expect(quote(capped, [red(110)]).offers[0]?.nextTier).toBeNull();
    expect(quote(capped, [red(60)]).offers[0]?.nextTier).toEqual({ addQuantity: 40, unitPrice: 1050 });
  });

  it('rounds up to the step and skips tiers that are not cheaper', () => {
    const stepped = teeCatalog({ rules: { moq: 6, step: 6 } });
    expect(quote(stepped, [red(48), blue(48)]).offers[0]?.nextTier).toEqual({
      addQuantity: 6,
      unitPrice: 1050,
    });
    const flat = teeCatalog({
      tiers: [
        { minQuantity: 1, unitPrice: 100 },
        { minQuantity: 10, unitPrice: 100 },
        { minQuantity: 20, unitPrice: 90 },
      ],
      rules: { moq: 1, step: 1 },
    });
    expect(quote(flat, [red(5)]).offers[0]?.nextTier).toEqual({ addQuantity: 15, unitPrice: 90 });
  });

  it('counts from below the first tier', () => {
    expect(quote(teeCatalog(), [red(1)]).offers[0]?.nextTier).toEqual({ addQuantity: 99, unitPrice: 1050 });
  });

  it('savings are measured against each ladder’s first tier', () => {
    expect(quote(teeCatalog(), [red(60), blue(50)]).offers[0]?.savings).toBe((1200 - 1050) * 110);
    expect(quote(teeCatalog(), [red(1000)]).offers[0]?.savings).toBe((1200 - 980) * 1000);
    expect(quote(teeCatalog(), [red(5)]).offers[0]?.savings).toBe(0);
  });
});

describe('quote: several offers', () => {
  const catalog: Catalog = {
    ...exampleCatalog,
    factories: [...exampleCatalog.factories, ...teeCatalog().factories],
    offers: [...exampleCatalog.offers, ...teeCatalog({ scope: 'sku' }).offers],
  };

  it('keeps the buyer’s line order and lists offers by first appearance', () => {
    const result = quote(catalog, [red(5), { skuId: 'coat-red-m', quantity: 3 }, blue(7)]);
    expect(result.lines.map((l) => l.skuId)).toEqual(['tee-red', 'coat-red-m', 'tee-blue']);
    expect(result.offers.map((o) => [o.offerId, o.totalQuantity, o.subtotal])).toEqual([
      ['tee', 12, 12 * 1200],
      ['coat', 3, 3 * 1200],
    ]);
    expect(result.subtotal).toBe(15 * 1200);
  });
});

describe('quote: the worked-examples table of docs/guide/ladder-pricing.md', () => {
  const box = { moq: 12, step: 6 };
  const capped = { moq: 2, step: 1, max: 500 };
  const coat = (m: number, xl: number): QuoteLineInput[] => [
    { skuId: 'coat-red-m', quantity: m },
    { skuId: 'coat-red-xl', quantity: xl },
  ];
  it.each([
    ['mixed batch', teeCatalog(), [red(60), blue(50)], '¥1,155.00', []],
    ['same cart, per SKU', teeCatalog({ scope: 'sku' }), [red(60), blue(50)], '¥1,320.00', []],
    ['below MOQ', teeCatalog({ scope: 'sku' }), [red(1)], '¥12.00', ['below_moq']],
    ['edge 1000 + 1', teeCatalog({ scope: 'sku' }), [red(1001)], '¥9,809.80', []],
    ['mixed edge 1000 − 1', teeCatalog(), [red(500), blue(499)], '¥10,489.50', []],
    ['MOQ met together', teeCatalog(), [red(1), blue(1)], '¥24.00', []],
    ['MOQ per SKU', teeCatalog({ scope: 'sku' }), [red(1), blue(5)], '¥72.00', ['below_moq']],
    [
      'box of 6',
      teeCatalog({ rules: box }),
      [red(6), blue(3)],
      '¥108.00',
      ['below_moq', 'not_multiple_of_step'],
    ],
    ['box of 6, hint', teeCatalog({ rules: box }), [red(48), blue(48)], '¥1,152.00', []],
    ['max 500', teeCatalog({ rules: capped }), [red(300), blue(201)], '¥5,260.50', ['above_max']],
    [
      'max 500 per SKU',
      teeCatalog({ rules: capped, scope: 'sku' }),
      [red(501), blue(500)],
      '¥10,510.50',
      ['above_max'],
    ],
    ["SKU's own ladder", exampleCatalog, coat(60, 50), '¥1,205.00', []],
    ['invalid quantity', teeCatalog(), [red(1.5), blue(10)], '¥120.00', []],
  ] as const)('%s', (_name, catalog, lines, subtotal, offerCodes) => {
    const result = quote(catalog, lines);
    expect(cny(result.subtotal)).toBe(subtotal);
    expect(result.offers.flatMap((offer) => offer.violations.map((violation) => violation.code))).toEqual(
      offerCodes,
    );
  });
});
