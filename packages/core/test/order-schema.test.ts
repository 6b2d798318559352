import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FactoryRejectSchema,
  FactoryShipSchema,
  MAX_LINES,
  OrderRequestSchema,
  parseWith,
  QuoteRequestSchema,
} from '../src/order-schema.js';
import {
  deriveOrderStatus,
  FACTORY_ORDER_STATUSES,
  ORDER_STATUSES,
  transitionFactoryOrder,
  type FactoryOrderAction,
  type FactoryOrderStatus,
  type OrderRequest,
} from '../src/api-types.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);

function validOrder(): Record<string, unknown> {
  return {
    buyer: {
      name: '王小明',
      phone: '+86 138-0013-8000',
      email: 'buyer@example.cn',
      company: '义乌小商品有限公司',
    },
    shipTo: { country: 'CN', region: 'CN-ZJ', city: '义乌', line1: '福田路 1 号', postalCode: '322000' },
    lines: [
      { skuId: 'sock-red-m', quantity: 120 },
      { skuId: 'sock-blue-m', quantity: 60 },
    ],
    expectedTotal: 123_456,
    note: '请在周五前发货',
  };
}

/** The order with `value` at the dotted `path` (`undefined` deletes the key). */
function withField(path: string, value: unknown): Record<string, unknown> {
  const order = validOrder();
  const keys = path.split('.');
  let target = order as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return order;
}

function expectIssue(input: unknown, path: string): void {
  const result = parseWith(OrderRequestSchema, input);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.issues.map((i) => i.path)).toContain(path);
  for (const issue of result.issues)
    expect(issue.message.startsWith(`${issue.path || 'request'} `)).toBe(true);
}

function expectValue(input: unknown, path: string, expected: unknown): void {
  const result = parseWith(OrderRequestSchema, input);
  if (!result.ok) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  let value: unknown = result.value;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)[key];
  expect(value).toEqual(expected);
}

const long = (n: number): string => 'x'.repeat(n);

describe('OrderRequestSchema', () => {
  it('accepts a full valid order and types it', () => {
    const result = parseWith(OrderRequestSchema, validOrder());
    expect(result).toEqual({ ok: true, value: validOrder() });
    if (result.ok) {
      const order: OrderRequest = result.value;
      expect(order.buyer.name).toBe('王小明');
    }
  });

  it('accepts a minimal order and drops unknown keys', () => {
    const result = parseWith(OrderRequestSchema, {
      buyer: { name: 'A', phone: '12345', isAdmin: true },
      shipTo: { country: 'SG', city: 'Singapore', line1: '1 Raffles Place' },
      lines: [{ skuId: 's', quantity: 1 }],
      expectedTotal: 0,
      total: 1,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        buyer: { name: 'A', phone: '12345' },
        shipTo: { country: 'SG', region: '', city: 'Singapore', line1: '1 Raffles Place' },
        lines: [{ skuId: 's', quantity: 1 }],
        expectedTotal: 0,
      },
    });
  });

  it('trims every string', () => {
    const pad = (x: unknown): unknown =>
      typeof x === 'string'
        ? ` \t${x}  `
        : Array.isArray(x)
          ? x.map(pad)
          : x !== null && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, val]) => [k, pad(val)]))
            : x;
    expect(parseWith(OrderRequestSchema, pad(validOrder()))).toEqual({ ok: true, value: validOrder() });
  });

  describe.each<[string, unknown[], unknown[]]>([
    [
      'buyer.name',
      ['A', '王', long(100), '  Li Lei  '],
      ['', '   ', long(101), 3, null, undefined, 'a\nb', 'a\u0000b'],
    ],
    [
      'buyer.phone',
      ['12345', '+86 138 0013 8000', '(0579) 8555-1234', '+1-202-555-0143', long(0) + '1'.repeat(30)],
      [
        '1234',
        '+86 abc 123',
        '138.0013.8000',
        '1'.repeat(31),
        '+-() -',
        13800138000,
        '',
        undefined,
        '１２３４５',
      ],
    ],
    [
      'buyer.email',
      ['a@b.cn', 'first.last+tag@sub.example.com', undefined, '', null],
      ['a@', 'a@b', 'not an email', '@b.cn', 'a b@c.cn', 5, `${long(250)}@b.cn`],
    ],
    ['buyer.company', ['ACME', long(200), undefined, '', null], [long(201), 7, 'a\rb']],
    ['shipTo.country', ['CN', 'US', ' DE '], ['cn', 'CHN', 'C', '', 'C1', undefined, 86]],
    ['shipTo.region', ['CN-ZJ', 'Zhejiang 浙江', long(100), '', undefined], [long(101), null, 5]],
    ['shipTo.city', ['义乌', long(100)], ['', long(101), undefined, 1]],
    ['shipTo.line1', ['福田路 1 号', long(200)], ['', '  ', long(201), undefined, []]],
    ['shipTo.postalCode', ['322000', 'SW1A 1AA', long(20), undefined, ''], [long(21), 322000]],
    [
      'expectedTotal',
      [0, 1, 123_456, Number.MAX_SAFE_INTEGER],
      [1.5, -1, 1e308, NaN, Infinity, '100', null, undefined, 2 ** 53],
    ],
    ['note', ['', undefined, 'line one\nline two', long(1000)], [long(1001), 42, 'bell\u0007']],
  ])('%s', (path, good, bad) => {
    it.each(good.map((g) => [g]))('accepts %j', (value) => {
      expect(parseWith(OrderRequestSchema, withField(path, value)).ok).toBe(true);
    });
    it.each(bad.map((b) => [b]))('rejects %j with a message naming the field', (value) => {
      expectIssue(withField(path, value), path);
      const result = parseWith(OrderRequestSchema, withField(path, value));
      if (!result.ok)
        expect(result.issues.find((i) => i.path === path)?.message).toMatch(
          new RegExp(`^${path} (must |is required$)`),
        );
    });
  });

  it('says a missing required field is required, and a wrong type what it must be', () => {
    const missing = parseWith(OrderRequestSchema, withField('buyer.phone', undefined));
    expect(missing).toEqual({
      ok: false,
      issues: [{ path: 'buyer.phone', message: 'buyer.phone is required' }],
    });
    const wrong = parseWith(OrderRequestSchema, withField('shipTo', 'Yiwu'));
    expect(wrong).toEqual({ ok: false, issues: [{ path: 'shipTo', message: 'shipTo must be an object' }] });
  });

  it('normalizes empty optional strings to undefined and trims values', () => {
    expectValue(withField('buyer.email', '   '), 'buyer.email', undefined);
    expectValue(withField('buyer.email', ' a@b.cn '), 'buyer.email', 'a@b.cn');
    expectValue(withField('shipTo.country', ' DE '), 'shipTo.country', 'DE');
    expectValue(withField('buyer.name', '  Li Lei  '), 'buyer.name', 'Li Lei');
    expectValue(withField('shipTo.region', undefined), 'shipTo.region', '');
  });

  it.each([
    ['buyer', undefined],
    ['buyer', 'Li'],
    ['shipTo', null],
    ['lines', undefined],
    ['lines', []],
    ['lines', 'sock'],
    ['lines', Array.from({ length: MAX_LINES + 1 }, () => ({ skuId: 's', quantity: 1 }))],
  ])('rejects %s = %j', (path, value) => {
    expectIssue(withField(path, value), path);
  });

  it('rejects an array body (valibot treats arrays as objects with missing keys)', () => {
    const result = parseWith(OrderRequestSchema, []);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      'buyer is required',
      'shipTo is required',
      'lines is required',
      'expectedTotal is required',
    ]);
  });

  it.each([[null], ['order'], [42], [undefined]])('rejects a non-object body %j', (input) => {
    const result = parseWith(OrderRequestSchema, input);
    expect(result).toEqual({ ok: false, issues: [{ path: '', message: 'request must be an object' }] });
  });

  it('reports every invalid field at once, with full paths into lines', () => {
    const result = parseWith(OrderRequestSchema, {
      ...validOrder(),
      buyer: { name: '', phone: 'x' },
      lines: [
        { skuId: 'ok', quantity: 1 },
        { skuId: '', quantity: '3' },
      ],
      expectedTotal: -1,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path).sort()).toEqual([
        'buyer.name',
        'buyer.phone',
        'expectedTotal',
        'lines.1.quantity',
        'lines.1.skuId',
      ]);
      expect(result.issues.find((i) => i.path === 'lines.1.quantity')?.message).toBe(
        'lines.1.quantity must be a number',
      );
      expect(result.issues.find((i) => i.path === 'buyer.phone')?.message).toMatch(
        /^buyer\.phone must be 5–30/,
      );
    }
  });

  it('rejects every expected total that is not a safe non-negative integer', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const ok = parseWith(OrderRequestSchema, withField('expectedTotal', value)).ok;
        expect(ok).toBe(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('text that is not well-formed Unicode', () => {
  // A lone UTF-16 surrogate has no UTF-8 form: PostgreSQL refuses it in jsonb (a 500 placing the
  // order) and silently turns it into U+FFFD in text, so every stored text field must refuse it.
  const LONE = ['x\ud800', '\udc00x', 'a\ud83d'];
  it.each([
    'buyer.name',
    'buyer.company',
    'shipTo.region',
    'shipTo.city',
    'shipTo.line1',
    'shipTo.postalCode',
    'note',
  ])('%s refuses a lone surrogate, naming the field', (path) => {
    for (const value of LONE) {
      const result = parseWith(OrderRequestSchema, withField(path, value));
      expect(result).toEqual({
        ok: false,
        issues: [{ path, message: expect.stringMatching(new RegExp(`^${path} must `)) }],
      });
    }
    expect(parseWith(OrderRequestSchema, withField(path, '😀 浙江')).ok).toBe(true);
  });

  it('the factory bodies and SKU ids refuse it too', () => {
    expect(parseWith(FactoryRejectSchema, { reason: 'x\ud800' }).ok).toBe(false);
    expect(parseWith(FactoryShipSchema, { carrier: 'SF', trackingNumber: '\udc00' }).ok).toBe(false);
    expect(parseWith(QuoteRequestSchema, { lines: [{ skuId: 'a\ud800', quantity: 1 }] }).ok).toBe(false);
  });
});

describe('QuoteRequestSchema', () => {
  it.each([
    [[{ skuId: 'a', quantity: 1 }]],
    [[{ skuId: 'a', quantity: 0 }]],
    [[{ skuId: 'a', quantity: -1 }]],
    [[{ skuId: 'a', quantity: 1.5 }]],
    [[{ skuId: 'a', quantity: 1e308 }]],
    [[{ skuId: long(100), quantity: 2 ** 53 }]],
    [Array.from({ length: MAX_LINES }, (_, i) => ({ skuId: `s${i}`, quantity: i }))],
  ])('accepts any numeric quantity (quote() judges it): %#', (lines) => {
    expect(parseWith(QuoteRequestSchema, { lines })).toEqual({ ok: true, value: { lines } });
  });

  it.each([
    ['lines', []],
    ['lines', Array.from({ length: MAX_LINES + 1 }, () => ({ skuId: 's', quantity: 1 }))],
    ['lines', { skuId: 'a', quantity: 1 }],
    ['lines.0', ['sku-1']],
    ['lines.0.quantity', [{ skuId: 'a', quantity: '1' }]],
    ['lines.0.quantity', [{ skuId: 'a', quantity: NaN }]],
    ['lines.0.quantity', [{ skuId: 'a', quantity: null }]],
    ['lines.0.quantity', [{ skuId: 'a' }]],
    ['lines.0.skuId', [{ skuId: '', quantity: 1 }]],
    ['lines.0.skuId', [{ skuId: '   ', quantity: 1 }]],
    ['lines.0.skuId', [{ skuId: long(101), quantity: 1 }]],
    ['lines.0.skuId', [{ skuId: 42, quantity: 1 }]],
  ])('rejects at %s: %j', (path, lines) => {
    const result = parseWith(QuoteRequestSchema, { lines });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toContain(path);
      for (const issue of result.issues)
        expect(issue.message).toMatch(new RegExp(`^${issue.path} (must |is required$)`));
    }
  });

  it('trims SKU ids', () => {
    expect(parseWith(QuoteRequestSchema, { lines: [{ skuId: ' a ', quantity: 1 }] })).toEqual({
      ok: true,
      value: { lines: [{ skuId: 'a', quantity: 1 }] },
    });
  });
});

describe('factory request schemas', () => {
  it.each([
    [{ reason: 'Out of stock' }, { reason: 'Out of stock' }],
    [{ reason: `  ${long(500)}  ` }, { reason: long(500) }],
  ])('FactoryRejectSchema accepts %#', (input, value) => {
    expect(parseWith(FactoryRejectSchema, input)).toEqual({ ok: true, value });
  });

  it.each([{}, { reason: '' }, { reason: '  ' }, { reason: long(501) }, { reason: 1 }, null])(
    'FactoryRejectSchema rejects %j',
    (input) => {
      const result = parseWith(FactoryRejectSchema, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.message).toMatch(/^(reason|request) (must |is required$)/);
    },
  );

  it('FactoryShipSchema accepts a carrier and tracking number', () => {
    expect(parseWith(FactoryShipSchema, { carrier: ' SF Express ', trackingNumber: 'SF1234567890' })).toEqual(
      {
        ok: true,
        value: { carrier: 'SF Express', trackingNumber: 'SF1234567890' },
      },
    );
    expect(parseWith(FactoryShipSchema, { carrier: long(100), trackingNumber: long(100) }).ok).toBe(true);
  });

  it.each([
    ['carrier', { trackingNumber: 'T1' }],
    ['carrier', { carrier: '', trackingNumber: 'T1' }],
    ['carrier', { carrier: long(101), trackingNumber: 'T1' }],
    ['trackingNumber', { carrier: 'SF' }],
    ['trackingNumber', { carrier: 'SF', trackingNumber: ' ' }],
    ['trackingNumber', { carrier: 'SF', trackingNumber: long(101) }],
    ['trackingNumber', { carrier: 'SF', trackingNumber: 123 }],
  ])('FactoryShipSchema rejects a bad %s: %j', (path, input) => {
    const result = parseWith(FactoryShipSchema, input);
    expect(result).toEqual({
      ok: false,
      issues: [{ path, message: expect.stringMatching(new RegExp(`^${path} (must |is required$)`)) }],
    });
  });
});

describe('deriveOrderStatus', () => {
  it.each<[FactoryOrderStatus[], string]>([
    [[], 'placed'],
    [['placed'], 'placed'],
    [['placed', 'placed'], 'placed'],
    [['accepted'], 'accepted'],
    [['accepted', 'accepted'], 'accepted'],
    [['accepted', 'placed'], 'partially_accepted'],
    [['shipped'], 'shipped'],
    [['shipped', 'shipped', 'shipped'], 'shipped'],
    [['shipped', 'accepted'], 'partially_shipped'],
    [['shipped', 'placed'], 'partially_shipped'],
    [['rejected'], 'rejected'],
    [['rejected', 'rejected'], 'rejected'],
    [['rejected', 'placed'], 'placed'],
    [['rejected', 'accepted'], 'partially_accepted'],
    [['rejected', 'shipped'], 'partially_shipped'],
    [['rejected', 'accepted', 'shipped'], 'partially_shipped'],
    [['placed', 'accepted', 'rejected'], 'partially_accepted'],
  ])('%j → %s', (subs, expected) => {
    expect(deriveOrderStatus(subs)).toBe(expected);
  });

  it('depends only on the multiset of statuses and follows the documented rules', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FACTORY_ORDER_STATUSES), { maxLength: 8 }),
        fc.array(fc.integer()),
        (subs, keys) => {
          const status = deriveOrderStatus(subs);
          expect(ORDER_STATUSES).toContain(status);
          const shuffled = subs
            .map((s, i) => ({ s, k: keys[i] ?? i }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.s);
          expect(deriveOrderStatus(shuffled)).toBe(status);
          const all = (s: FactoryOrderStatus): boolean => subs.length > 0 && subs.every((x) => x === s);
          expect(status === 'shipped').toBe(all('shipped'));
          expect(status === 'rejected').toBe(all('rejected'));
          expect(status === 'accepted').toBe(all('accepted'));
          expect(status === 'partially_shipped').toBe(subs.includes('shipped') && !all('shipped'));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('transitionFactoryOrder', () => {
  const table: Record<FactoryOrderStatus, Record<FactoryOrderAction, FactoryOrderStatus | null>> = {
    placed: { accept: 'accepted', reject: 'rejected', ship: null },
    accepted: { accept: 'accepted', reject: null, ship: 'shipped' },
    rejected: { accept: null, reject: 'rejected', ship: null },
    shipped: { accept: null, reject: null, ship: 'shipped' },
  };
  const cases = FACTORY_ORDER_STATUSES.flatMap((from) =>
    (['accept', 'reject', 'ship'] as const).map((action) => [from, action, table[from][action]] as const),
  );

  it.each(cases)('%s + %s → %s', (from, action, to) => {
    const result = transitionFactoryOrder(from, action);
    if (to === null) {
      expect(result).toEqual({
        ok: false,
        code: 'invalid_transition',
        message: expect.stringContaining(action),
      });
    } else {
      expect(result).toEqual({ ok: true, next: to, changed: to !== from });
    }
  });

  it('rejects an unknown action', () => {
    expect(transitionFactoryOrder('placed', 'cancel' as FactoryOrderAction)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('repeating any successful action is a no-op', () => {
    for (const [, action, to] of cases) {
      if (to === null) continue;
      expect(transitionFactoryOrder(to, action)).toEqual({ ok: true, next: to, changed: false });
    }
  });
});
