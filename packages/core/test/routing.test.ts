import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Catalog, Factory, Offer, Sourcing } from '../src/catalog.js';
import { routeOrder, type RoutableLine, type RoutingInput, type RoutingResult } from '../src/routing.js';
import { addDays, daysBetween, formatDay, isIsoDate, parseDay } from '../src/dates.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);

function factory(id: string, over: Partial<Factory> = {}): Factory {
  return { id, name: `Factory ${id}`, region: 'CN-GD', dailyCapacity: 1000, leadTimeDays: 1, ...over };
}

function offer(sourcing: Sourcing[], over: Partial<Offer> = {}): Offer {
  return {
    id: 'o1',
    title: 'Socks',
    category: 'apparel',
    unit: 'pair',
    pricing: { scope: 'offer', tiers: [{ minQuantity: 1, unitPrice: 100 }] },
    rules: { moq: 1, step: 1 },
    skus: [
      { id: 'red', attributes: { color: 'red' } },
      { id: 'blue', attributes: { color: 'blue' } },
    ],
    sourcing,
    ...over,
  };
}

function catalog(factories: Factory[], offers: Offer[]): Catalog {
  return { currency: 'CNY', factories, offers };
}

function line(skuId: string, quantity: number, unitPrice = 100, offerId = 'o1'): RoutableLine {
  return { skuId, offerId, quantity, unitPrice, lineTotal: quantity * unitPrice };
}

const ORDER_DATE = '2026-11-25';

function route(
  factories: Factory[],
  sourcing: Sourcing[],
  lines: RoutableLine[],
  extra: Partial<RoutingInput> = {},
): RoutingResult {
  return routeOrder({
    catalog: catalog(factories, [offer(sourcing)]),
    lines,
    shipTo: { country: 'CN', region: 'CN-ZJ' },
    orderDate: ORDER_DATE,
    ...extra,
  });
}

describe('dates', () => {
  it.each([
    ['2026-11-25', 2, '2026-11-27'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['1970-01-01', 0, '1970-01-01'],
    ['0001-01-01', -366, '0000-01-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-01',
    '26-01-01',
    '2026-01-32',
    '',
    '2026-01-01T00:00',
  ])('rejects %j', (date) => {
    expect(isIsoDate(date)).toBe(false);
    expect(() => addDays(date, 1)).toThrow(RangeError);
  });

  it('agrees with Date for every day from 1900 to 2200', () => {
    const start = parseDay('1900-01-01') ?? 0;
    const end = parseDay('2200-12-31') ?? 0;
    for (let d = start; d <= end; d += 1) {
      expect(formatDay(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
    }
    expect(parseDay('1970-01-01')).toBe(0);
    expect(() => formatDay((parseDay('9999-12-31') ?? 0) + 1)).toThrow(RangeError);
  });
});

describe('routeOrder — tables', () => {
  it('single factory: ship date = order date + lead + ceil((queued + units) / capacity) − 1', () => {
    const r = route(
      [factory('f1', { leadTimeDays: 2, dailyCapacity: 2000 })],
      [{ factoryId: 'f1', priority: 1 }],
      [line('red', 1000, 250)],
      { queuedUnits: { f1: 300 } },
    );
    expect(r.unassigned).toEqual([]);
    expect(r.factoryOrders).toHaveLength(1);
    const fo = r.factoryOrders[0]!;
    expect(fo.factoryId).toBe('f1');
    expect(fo.estimatedShipDate).toBe('2026-11-27');
    expect(fo.subtotal).toBe(250_000);
    expect(fo.lines).toEqual([
      expect.objectContaining({
        lineIndex: 0,
        skuId: 'red',
        offerId: 'o1',
        quantity: 1000,
        unitPrice: 250,
        lineTotal: 250_000,
        estimatedShipDate: '2026-11-27',
      }),
    ]);
    expect(fo.reason.code).toBe('only_candidate');
    expect(fo.reason.text).toContain('2026-11-27');
    expect(fo.reason.text).toContain('lead 2 d, 300 queued, 2000/day');
    expect(fo.lines[0]!.reason).toMatchObject({
      code: 'only_candidate',
      factoryId: 'f1',
      queuedBefore: 300,
      leadTimeDays: 2,
      dailyCapacity: 2000,
      priority: 1,
      candidates: 1,
      runnerUp: null,
    });
  });

  it.each([
    // [queued, units, capacity, lead, expected ship date]
    [0, 1, 1000, 0, '2026-11-25'],
    [0, 1000, 1000, 0, '2026-11-25'],
    [0, 1001, 1000, 0, '2026-11-26'],
    [999, 1, 1000, 0, '2026-11-25'],
    [1000, 1, 1000, 0, '2026-11-26'],
    [0, 7, 1, 3, '2026-12-04'],
  ])(
    'queued %i + %i units at %i/day, lead %i → %s',
    (queued, units, dailyCapacity, leadTimeDays, expected) => {
      const r = route(
        [factory('f1', { dailyCapacity, leadTimeDays })],
        [{ factoryId: 'f1', priority: 1 }],
        [line('red', units)],
        { queuedUnits: { f1: queued } },
      );
      expect(r.factoryOrders[0]?.estimatedShipDate).toBe(expected);
    },
  );

  it('two factories with different lead times: the shorter lead wins', () => {
    const r = route(
      [factory('a', { leadTimeDays: 5 }), factory('b', { leadTimeDays: 2 })],
      [
        { factoryId: 'a', priority: 1 },
        { factoryId: 'b', priority: 2 },
      ],
      [line('red', 500)],
    );
    expect(r.factoryOrders.map((f) => f.factoryId)).toEqual(['b']);
    expect(r.factoryOrders[0]!.estimatedShipDate).toBe('2026-11-27');
    expect(r.factoryOrders[0]!.reason.code).toBe('earliest_ship_date');
    expect(r.factoryOrders[0]!.lines[0]!.reason.runnerUp).toEqual({
      factoryId: 'a',
      estimatedShipDate: '2026-11-30',
    });
  });

  it('a long queue pushes the line to another factory', () => {
    const factories = [
      factory('a', { leadTimeDays: 1, dailyCapacity: 100 }),
      factory('b', { leadTimeDays: 3, dailyCapacity: 100 }),
    ];
    const sourcing = [
      { factoryId: 'a', priority: 1 },
      { factoryId: 'b', priority: 2 },
    ];
    expect(route(factories, sourcing, [line('red', 100)]).factoryOrders[0]!.factoryId).toBe('a');
    const r = route(factories, sourcing, [line('red', 100)], { queuedUnits: { a: 1000 } });
    expect(r.factoryOrders.map((f) => [f.factoryId, f.estimatedShipDate])).toEqual([['b', '2026-11-28']]);
    expect(r.factoryOrders[0]!.lines[0]!.reason.runnerUp).toEqual({
      factoryId: 'a',
      estimatedShipDate: '2026-12-06',
    });
  });

  it("the order's own earlier lines count as queued", () => {
    const r = route(
      [factory('a'), factory('b')],
      [
        { factoryId: 'a', priority: 1 },
        { factoryId: 'b', priority: 2 },
      ],
      [line('red', 1000), line('blue', 1000)],
    );
    expect(r.factoryOrders.map((f) => [f.factoryId, f.lines.map((l) => l.skuId), f.reason.code])).toEqual([
      ['a', ['red'], 'priority_tie'],
      ['b', ['blue'], 'earliest_ship_date'],
    ]);
    expect(r.factoryOrders[1]!.lines[0]!.reason.runnerUp).toEqual({
      factoryId: 'a',
      estimatedShipDate: '2026-11-27',
    });
  });

  it.each([
    {
      name: 'priority first',
      factories: [factory('a', { region: 'CN-ZJ' }), factory('b', { region: 'CN-GD' })],
      sourcing: [
        { factoryId: 'a', priority: 2 },
        { factoryId: 'b', priority: 1 },
      ],
      winner: 'b',
      code: 'priority_tie',
    },
    {
      name: 'then ship-to region',
      factories: [factory('a', { region: 'CN-GD' }), factory('b', { region: 'CN-ZJ' })],
      sourcing: [
        { factoryId: 'a', priority: 1 },
        { factoryId: 'b', priority: 1 },
      ],
      winner: 'b',
      code: 'region_tie',
    },
    {
      name: 'then factory id',
      factories: [factory('b', { region: 'CN-GD' }), factory('a', { region: 'CN-GD' })],
      sourcing: [
        { factoryId: 'b', priority: 1 },
        { factoryId: 'a', priority: 1 },
      ],
      winner: 'a',
      code: 'factory_id_tie',
    },
  ])('ties on ship date: $name', ({ factories, sourcing, winner, code }) => {
    const r = route(factories, sourcing, [line('red', 10)]);
    expect(r.factoryOrders.map((f) => f.factoryId)).toEqual([winner]);
    expect(r.factoryOrders[0]!.reason.code).toBe(code);
  });

  it('an earlier ship date beats a better priority and region', () => {
    const r = route(
      [
        factory('a', { region: 'CN-ZJ', leadTimeDays: 3 }),
        factory('b', { region: 'CN-GD', leadTimeDays: 2 }),
      ],
      [
        { factoryId: 'a', priority: 0 },
        { factoryId: 'b', priority: 9 },
      ],
      [line('red', 10)],
    );
    expect(r.factoryOrders.map((f) => f.factoryId)).toEqual(['b']);
  });

  it('splits a huge line across factories when that ships it earlier, sharing the line total exactly', () => {
    const r = route(
      [factory('a'), factory('b')],
      [
        { factoryId: 'a', priority: 1 },
        { factoryId: 'b', priority: 2 },
      ],
      [{ skuId: 'red', offerId: 'o1', quantity: 4000, unitPrice: 25, lineTotal: 100_001 }],
    );
    expect(r.unassigned).toEqual([]);
    expect(
      r.factoryOrders.map((f) => [f.factoryId, f.lines[0]!.quantity, f.subtotal, f.estimatedShipDate]),
    ).toEqual([
      ['a', 2000, 50_001, '2026-11-27'],
      ['b', 2000, 50_000, '2026-11-27'],
    ]);
    const reason = r.factoryOrders[0]!.lines[0]!.reason;
    expect(reason.code).toBe('split_capacity');
    expect(reason.split).toEqual({
      part: 0,
      parts: 2,
      lineQuantity: 4000,
      wholeLineShipDate: '2026-11-29',
      splitShipDate: '2026-11-27',
    });
    expect(r.factoryOrders[0]!.reason.text).toContain('2000 of 4000');
  });

  it('fills the factory that can start earliest first', () => {
    const r = route(
      [factory('a', { leadTimeDays: 1 }), factory('b', { leadTimeDays: 0 })],
      [
        { factoryId: 'a', priority: 1 },
        { factoryId: 'b', priority: 2 },
      ],
      [line('red', 3500)],
    );
    // whole: a → day 1+4−1 = 4, b → 0+4−1 = 3. Split by day 1: b 2000 + a 1000 = 3000 < 3500; by day 2: b 3000 + a 2000.
    expect(r.factoryOrders.map((f) => [f.factoryId, f.lines[0]!.quantity, f.estimatedShipDate])).toEqual([
      ['a', 500, '2026-11-26'],
      ['b', 3000, '2026-11-27'],
    ]);
    expect(r.factoryOrders[1]!.lines[0]!.reason.split?.part).toBe(0);
  });

  it("keeps split parts multiples of the SKU's step", () => {
    const o = offer(
      [
        { factoryId: 'a', priority: 1 },
        { factoryId: 'b', priority: 2 },
      ],
      { skus: [{ id: 'red', attributes: {}, rules: { moq: 6, step: 6 } }] },
    );
    const r = routeOrder({
      catalog: catalog([factory('a'), factory('b')], [o]),
      lines: [line('red', 3000)],
      shipTo: { country: 'CN', region: 'CN-ZJ' },
      orderDate: ORDER_DATE,
    });
    expect(r.factoryOrders.map((f) => [f.factoryId, f.lines[0]!.quantity])).toEqual([
      ['a', 1998],
      ['b', 1002],
    ]);
    expect(r.factoryOrders.reduce((s, f) => s + f.subtotal, 0)).toBe(300_000);
  });

  it('does not split when a split ships no earlier', () => {
    const r = route(
      [factory('a', { dailyCapacity: 1000 }), factory('b', { dailyCapacity: 10 })],
      [
        { factoryId: 'a', priority: 1 },
        { factoryId: 'b', priority: 2 },
      ],
      [line('red', 1500)],
    );
    expect(r.factoryOrders.map((f) => [f.factoryId, f.lines[0]!.quantity, f.reason.code])).toEqual([
      ['a', 1500, 'earliest_ship_date'],
    ]);
  });

  it('respects a sourcing restriction to some SKUs', () => {
    const r = route(
      [factory('fast', { leadTimeDays: 0 }), factory('slow', { leadTimeDays: 9 })],
      [
        { factoryId: 'fast', priority: 1, skuIds: ['red'] },
        { factoryId: 'slow', priority: 2 },
      ],
      [line('red', 10), line('blue', 10)],
    );
    expect(r.factoryOrders.map((f) => [f.factoryId, f.lines.map((l) => l.skuId)])).toEqual([
      ['fast', ['red']],
      ['slow', ['blue']],
    ]);
  });

  it('ranks a factory with a non-finite priority last, in any sourcing order', () => {
    const sourcing = [
      { factoryId: 'a', priority: NaN },
      { factoryId: 'b', priority: 3 },
    ];
    for (const s of [sourcing, [...sourcing].reverse()]) {
      expect(
        route([factory('a'), factory('b')], s, [line('red', 10)]).factoryOrders.map((f) => f.factoryId),
      ).toEqual(['b']);
    }
  });

  it('uses the lowest priority when a factory is listed twice', () => {
    const r = route(
      [factory('a'), factory('b')],
      [
        { factoryId: 'a', priority: 5 },
        { factoryId: 'a', priority: 0, skuIds: ['red'] },
        { factoryId: 'b', priority: 1 },
      ],
      [line('red', 10), line('blue', 10)],
    );
    expect(r.factoryOrders.map((f) => [f.factoryId, f.lines.map((l) => l.skuId)])).toEqual([
      ['a', ['red']],
      ['b', ['blue']],
    ]);
  });

  it.each([
    {
      name: 'no sourcing entry covers the SKU',
      sourcing: [{ factoryId: 'a', priority: 1, skuIds: ['red'] }],
      factories: [factory('a', { leadTimeDays: 9 })],
      l: line('blue', 10),
      code: 'no_factory',
    },
    {
      name: 'the sourced factory is missing from the catalog',
      sourcing: [{ factoryId: 'ghost', priority: 1 }],
      factories: [factory('a')],
      l: line('blue', 10),
      code: 'no_factory',
    },
    {
      name: 'the only factory has no capacity',
      sourcing: [{ factoryId: 'a', priority: 1 }],
      factories: [factory('a', { dailyCapacity: 0 })],
      l: line('blue', 10),
      code: 'no_factory',
    },
    {
      name: 'the only factory has a negative lead time',
      sourcing: [{ factoryId: 'a', priority: 1 }],
      factories: [factory('a', { leadTimeDays: -1 })],
      l: line('blue', 10),
      code: 'no_factory',
    },
    {
      name: 'unknown offer',
      sourcing: [],
      factories: [],
      l: line('red', 10, 100, 'nope'),
      code: 'unknown_offer',
    },
    { name: 'unknown SKU', sourcing: [], factories: [], l: line('green', 10), code: 'unknown_sku' },
    { name: 'zero quantity', sourcing: [], factories: [], l: line('red', 0), code: 'invalid_line' },
    {
      name: 'fractional quantity',
      sourcing: [],
      factories: [],
      l: line('red', 1.5, 2),
      code: 'invalid_line',
    },
    {
      name: 'fractional line total',
      sourcing: [],
      factories: [],
      l: { skuId: 'red', offerId: 'o1', quantity: 3, unitPrice: 1, lineTotal: 2.5 },
      code: 'invalid_line',
    },
    {
      name: 'cannot ship before 9999-12-31',
      sourcing: [{ factoryId: 'a', priority: 1 }],
      factories: [factory('a', { dailyCapacity: 1, leadTimeDays: 0 })],
      l: line('blue', 3_000_000_000, 1),
      code: 'beyond_horizon',
    },
  ])('leaves a line unassigned: $name', ({ sourcing, factories, l, code }) => {
    // Line 0 always routes to `ok`, which makes only red; line 1 is the one under test.
    const r = route(
      [factory('ok'), ...factories],
      [{ factoryId: 'ok', priority: 1, skuIds: ['red'] }, ...sourcing],
      [line('red', 5), l],
    );
    expect(r.unassigned).toEqual([
      {
        lineIndex: 1,
        skuId: l.skuId,
        offerId: l.offerId,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        lineTotal: l.lineTotal,
        reason: { code, text: expect.stringContaining(l.skuId) },
      },
    ]);
    expect(r.factoryOrders.map((f) => [f.factoryId, f.lines.map((x) => x.lineIndex)])).toEqual([['ok', [0]]]);
  });

  it('sorts factory orders by id and keeps lines in input order', () => {
    const o1 = offer([{ factoryId: 'zeta', priority: 1 }]);
    const o2 = offer([{ factoryId: 'alpha', priority: 1 }], { id: 'o2' });
    const r = routeOrder({
      catalog: catalog([factory('zeta'), factory('alpha')], [o1, o2]),
      lines: [line('red', 1), line('red', 2, 100, 'o2'), line('blue', 3), line('blue', 4, 100, 'o2')],
      shipTo: { country: 'CN', region: 'CN-ZJ' },
      orderDate: ORDER_DATE,
    });
    expect(r.factoryOrders.map((f) => [f.factoryId, f.lines.map((l) => l.lineIndex)])).toEqual([
      ['alpha', [1, 3]],
      ['zeta', [0, 2]],
    ]);
  });

  it('rejects a bad order date or queue', () => {
    const f = [factory('a')];
    const s = [{ factoryId: 'a', priority: 1 }];
    expect(() => route(f, s, [line('red', 1)], { orderDate: '2026-02-30' })).toThrow(RangeError);
    expect(() => route(f, s, [line('red', 1)], { queuedUnits: { a: -1 } })).toThrow(RangeError);
    expect(() => route(f, s, [line('red', 1)], { queuedUnits: { a: 0.5 } })).toThrow(RangeError);
  });

  it('routes an empty order to nothing', () => {
    expect(route([factory('a')], [{ factoryId: 'a', priority: 1 }], [])).toEqual({
      factoryOrders: [],
      unassigned: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const FACTORY_IDS = ['fa', 'fb', 'fc', 'fd', 'fe'];
const REGIONS = ['CN-ZJ', 'CN-GD', 'CN-FJ'];

const factoryArb = (id: string): fc.Arbitrary<Factory> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    region: fc.constantFrom(...REGIONS),
    dailyCapacity: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 5000 })),
    leadTimeDays: fc.integer({ min: 0, max: 30 }),
  });

const skuIdsArb = (n: number): string[] => Array.from({ length: n }, (_, i) => `s${i}`);

const offerArb = (id: string, factoryIds: string[]): fc.Arbitrary<Offer> =>
  fc
    .record({ nSkus: fc.integer({ min: 1, max: 4 }), step: fc.constantFrom(1, 2, 6, 12) })
    .chain(({ nSkus, step }) => {
      const skuIds = skuIdsArb(nSkus);
      return fc
        .record({
          skuSteps: fc.array(fc.option(fc.constantFrom(1, 3, 5), { nil: undefined }), {
            minLength: nSkus,
            maxLength: nSkus,
          }),
          sourcing: fc.uniqueArray(
            fc.record({
              factoryId: fc.constantFrom(...factoryIds),
              priority: fc.integer({ min: 0, max: 3 }),
              skuIds: fc.option(fc.subarray(skuIds), { nil: undefined }),
            }),
            { selector: (s) => s.factoryId, maxLength: factoryIds.length },
          ),
        })
        .map(({ skuSteps, sourcing }) => ({
          id,
          title: id,
          category: 'c',
          unit: 'piece',
          pricing: { scope: 'sku' as const, tiers: [{ minQuantity: 1, unitPrice: 1 }] },
          rules: { moq: 1, step },
          skus: skuIds.map((skuId, i) => {
            const s = skuSteps[i];
            return s === undefined
              ? { id: skuId, attributes: {} }
              : { id: skuId, attributes: {}, rules: { moq: 1, step: s } };
          }),
          sourcing: sourcing.map((s) =>
            s.skuIds === undefined ? { factoryId: s.factoryId, priority: s.priority } : s,
          ),
        }));
    });

const inputArb: fc.Arbitrary<RoutingInput> = fc
  .record({
    nFactories: fc.integer({ min: 1, max: FACTORY_IDS.length }),
    nOffers: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ nFactories, nOffers }) => {
    const factoryIds = FACTORY_IDS.slice(0, nFactories);
    const offerIds = Array.from({ length: nOffers }, (_, i) => `o${i}`);
    return fc.record({
      factories: fc.tuple(...factoryIds.map(factoryArb)),
      offers: fc.tuple(...offerIds.map((id) => offerArb(id, factoryIds))),
      rawLines: fc.array(
        fc.record({
          offer: fc.integer({ min: 0, max: nOffers }), // nOffers → unknown offer
          sku: fc.integer({ min: 0, max: 4 }), // may be an unknown SKU
          quantity: fc.oneof(
            fc.integer({ min: 1, max: 100 }),
            fc.integer({ min: 1, max: 200_000 }),
            fc.integer({ min: 1, max: 5000 }).map((n) => n * 12),
          ),
          unitPrice: fc.integer({ min: 0, max: 10_000 }),
          oddTotal: fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: undefined }),
        }),
        { maxLength: 8 },
      ),
      queued: fc.dictionary(fc.constantFrom(...factoryIds), fc.integer({ min: 0, max: 100_000 })),
      shipRegion: fc.constantFrom(...REGIONS),
      orderDay: fc.integer({ min: parseDay('2020-01-01') ?? 0, max: parseDay('2035-12-31') ?? 0 }),
    });
  })
  .map(({ factories, offers, rawLines, queued, shipRegion, orderDay }) => ({
    catalog: { currency: 'CNY', factories, offers },
    lines: rawLines.map((l) => ({
      offerId: `o${l.offer}`,
      skuId: `s${l.sku}`,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      lineTotal: l.oddTotal ?? l.quantity * l.unitPrice,
    })),
    shipTo: { country: 'CN', region: shipRegion },
    orderDate: formatDay(orderDay),
    queuedUnits: queued,
  }));

function canMake(input: RoutingInput, factoryId: string, offerId: string, skuId: string): boolean {
  const o = input.catalog.offers.find((x) => x.id === offerId);
  return !!o?.sourcing.some(
    (s) => s.factoryId === factoryId && (s.skuIds === undefined || s.skuIds.includes(skuId)),
  );
}

/** A deterministic permutation of `items` from sort keys. */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

/**
 * The optimal ship date of a single line, in days after the order date, by a plain scan: the earlier of
 * the best whole assignment and the first day the candidates' step-rounded capacities cover the line.
 */
function optimum(input: RoutingInput): { offset: number; whole: number } {
  const src = input.lines[0]!;
  const o = input.catalog.offers.find((x) => x.id === src.offerId)!;
  const rawStep = o.skus.find((x) => x.id === src.skuId)!.rules?.step ?? o.rules.step;
  const step = src.quantity % rawStep === 0 ? rawStep : 1;
  const cands = input.catalog.factories
    .filter((f) => canMake(input, f.id, src.offerId, src.skuId))
    .map((f) => ({ f, queued: input.queuedUnits?.[f.id] ?? 0 }));
  const whole = Math.min(
    ...cands.map((c) => c.f.leadTimeDays + Math.ceil((c.queued + src.quantity) / c.f.dailyCapacity) - 1),
  );
  for (let d = 0; d < whole; d += 1) {
    const cover = cands.reduce((sum, c) => {
      const cap = Math.max(0, (d - c.f.leadTimeDays + 1) * c.f.dailyCapacity - c.queued);
      return sum + Math.floor(cap / step) * step;
    }, 0);
    if (cover >= src.quantity) return { offset: d, whole };
  }
  return { offset: whole, whole };
}

/** One SKU, several factories and a line that is often too big for one of them. */
const splitInputArb: fc.Arbitrary<RoutingInput> = fc
  .record({
    factories: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...FACTORY_IDS),
        region: fc.constantFrom(...REGIONS),
        dailyCapacity: fc.integer({ min: 1, max: 500 }),
        leadTimeDays: fc.integer({ min: 0, max: 10 }),
        queued: fc.integer({ min: 0, max: 2000 }),
        priority: fc.integer({ min: 0, max: 2 }),
      }),
      { selector: (f) => f.id, minLength: 1, maxLength: FACTORY_IDS.length },
    ),
    step: fc.constantFrom(1, 2, 6, 12, 7),
    quantity: fc.integer({ min: 1, max: 20_000 }),
    multipleOfStep: fc.boolean(),
    unitPrice: fc.integer({ min: 0, max: 999 }),
    lineTotal: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  })
  .map(({ factories, step, quantity, multipleOfStep, unitPrice, lineTotal }) => {
    const q = multipleOfStep ? Math.ceil(quantity / step) * step : quantity;
    return {
      catalog: {
        currency: 'CNY',
        factories: factories.map(({ id, region, dailyCapacity, leadTimeDays }) => ({
          id,
          name: id,
          region,
          dailyCapacity,
          leadTimeDays,
        })),
        offers: [
          offer(
            factories.map((f) => ({ factoryId: f.id, priority: f.priority })),
            { rules: { moq: 1, step } },
          ),
        ],
      },
      lines: [{ skuId: 'red', offerId: 'o1', quantity: q, unitPrice, lineTotal: lineTotal ?? q * unitPrice }],
      shipTo: { country: 'CN', region: 'CN-ZJ' },
      orderDate: ORDER_DATE,
      queuedUnits: Object.fromEntries(factories.map((f) => [f.id, f.queued])),
    };
  });

describe('routeOrder — properties', () => {
  it('ships a single line on the optimal date, splitting only when that is strictly earlier', () => {
    let splits = 0;
    const check = (input: RoutingInput): void => {
      const r = routeOrder(input);
      if (r.factoryOrders.length === 0) return;
      const { offset, whole } = optimum(input);
      const latest = r.factoryOrders
        .flatMap((f) => f.lines.map((l) => l.estimatedShipDate))
        .reduce((a, b) => (a > b ? a : b));
      expect(latest).toBe(addDays(input.orderDate, offset));
      expect(r.factoryOrders.length > 1).toBe(offset < whole);
      if (offset < whole) splits += 1;
      const total = r.factoryOrders.reduce((sum, f) => sum + f.subtotal, 0);
      expect(total).toBe(input.lines[0]!.lineTotal);
    };
    fc.assert(fc.property(splitInputArb, check), { numRuns: NUM_RUNS });
    // The generator must actually produce splits, or this property proves little.
    expect(splits).toBeGreaterThan(NUM_RUNS / 10);
    fc.assert(
      fc.property(
        inputArb.filter((i) => i.lines.length === 1),
        check,
      ),
      { numRuns: Math.ceil(NUM_RUNS / 4) },
    );
  });

  it('assigns every unit of every line exactly once, only to factories that can make it', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = routeOrder(input);
        const assigned = new Map<number, number>();
        for (const fo of r.factoryOrders) {
          for (const l of fo.lines) {
            const src = input.lines[l.lineIndex]!;
            expect(l.skuId).toBe(src.skuId);
            expect(l.offerId).toBe(src.offerId);
            expect(l.unitPrice).toBe(src.unitPrice);
            expect(l.quantity).toBeGreaterThan(0);
            expect(canMake(input, fo.factoryId, l.offerId, l.skuId)).toBe(true);
            assigned.set(l.lineIndex, (assigned.get(l.lineIndex) ?? 0) + l.quantity);
          }
        }
        const unassigned = r.unassigned.map((u) => u.lineIndex);
        expect(new Set(unassigned).size).toBe(unassigned.length);
        input.lines.forEach((l, i) => {
          if (unassigned.includes(i)) expect(assigned.has(i)).toBe(false);
          else expect(assigned.get(i)).toBe(l.quantity);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('sub-order subtotals (plus unassigned lines) sum exactly to the order total', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = routeOrder(input);
        const total = input.lines.reduce((s, l) => s + l.lineTotal, 0);
        for (const fo of r.factoryOrders) {
          expect(fo.subtotal).toBe(fo.lines.reduce((s, l) => s + l.lineTotal, 0));
          for (const l of fo.lines) expect(Number.isSafeInteger(l.lineTotal) && l.lineTotal >= 0).toBe(true);
        }
        const routed = r.factoryOrders.reduce((s, f) => s + f.subtotal, 0);
        expect(routed + r.unassigned.reduce((s, u) => s + u.lineTotal, 0)).toBe(total);
        // A line that was not split keeps its total; parts of a split line add up to it.
        const perLine = new Map<number, number>();
        for (const fo of r.factoryOrders) {
          for (const l of fo.lines) perLine.set(l.lineIndex, (perLine.get(l.lineIndex) ?? 0) + l.lineTotal);
        }
        for (const [i, sum] of perLine) expect(sum).toBe(input.lines[i]!.lineTotal);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is deterministic and ignores the order of factories and sourcing entries', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.array(fc.integer(), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 10 }),
        (input, k1, k2) => {
          const first = routeOrder(input);
          expect(routeOrder(structuredClone(input))).toEqual(first);
          const shuffled: RoutingInput = {
            ...input,
            catalog: {
              ...input.catalog,
              factories: permute(input.catalog.factories, k1),
              offers: input.catalog.offers.map((o) => ({ ...o, sourcing: permute(o.sourcing, k2) })),
            },
          };
          expect(routeOrder(shuffled)).toEqual(first);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('ship dates: never before the order date nor the lead time, split parts by the split date, steps kept', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = routeOrder(input);
        for (const fo of r.factoryOrders) {
          expect(fo.estimatedShipDate >= input.orderDate).toBe(true);
          expect(fo.estimatedShipDate).toBe(
            fo.lines.map((l) => l.estimatedShipDate).reduce((a, b) => (a > b ? a : b)),
          );
          const f = input.catalog.factories.find((x) => x.id === fo.factoryId)!;
          for (const l of fo.lines) {
            expect(daysBetween(input.orderDate, l.estimatedShipDate)).toBeGreaterThanOrEqual(f.leadTimeDays);
            expect(l.reason.factoryId).toBe(fo.factoryId);
            const o = input.catalog.offers.find((x) => x.id === l.offerId)!;
            const sku = o.skus.find((s) => s.id === l.skuId)!;
            const step = sku.rules?.step ?? o.rules.step;
            const src = input.lines[l.lineIndex]!;
            if (src.quantity % step === 0) expect(l.quantity % step).toBe(0);
            if (l.reason.code === 'split_capacity') {
              // A split beats every single factory: its latest part ships before the best whole assignment.
              const whole = l.reason.split!.wholeLineShipDate;
              if (whole !== null) expect(l.reason.split!.splitShipDate < whole).toBe(true);
              expect(l.estimatedShipDate <= l.reason.split!.splitShipDate).toBe(true);
            }
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
