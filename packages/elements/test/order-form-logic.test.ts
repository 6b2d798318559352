import { expect } from '@open-wc/testing';
import type { OrderRequest, OrderResponse, Sku } from '@chainkit/core';
import type { ChainApiClient } from '../src/internal/api-client-types.js';
import { ChainApiError } from '../src/internal/api-error.js';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../src/order-form/draft-storage.js';
import { moveFor, type GridCaret, type GridKey, type GridShape } from '../src/order-form/keyboard-grid.js';
import { attributeNames, buildMatrix } from '../src/order-form/matrix-axes.js';
import { newIdempotencyKey, OrderSubmission, outcomeOf } from '../src/order-form/order-submission.js';
import { linesByOffer } from '../src/order-form/other-items.js';
import { linesOf, parseQuantity } from '../src/order-form/quantity-input.js';

const sku = (id: string, attributes: Record<string, string>): Sku => ({ id, attributes });

describe('order form logic', () => {
  it('groups lines by offer, offers in the order they first appear, lines in their own order', () => {
    const lines = [
      { offerId: 'coat', skuId: 'coat-red' },
      { offerId: 'hat', skuId: 'hat-1' },
      { offerId: 'coat', skuId: 'coat-blue' },
    ];
    expect([...linesByOffer(lines)]).to.deep.equal([
      ['coat', [lines[0], lines[2]]],
      ['hat', [lines[1]]],
    ]);
    expect(linesByOffer([]).size).to.equal(0);
  });

  describe('buildMatrix()', () => {
    it('makes rows of the first attribute and columns of the second, in catalog order', () => {
      const model = buildMatrix([
        sku('r-s', { color: 'Red', size: 'S' }),
        sku('r-m', { color: 'Red', size: 'M' }),
        sku('b-m', { color: 'Blue', size: 'M' }),
      ]);
      expect(model.kind).to.equal('grid');
      expect(model.rows.map((row) => row.label)).to.deep.equal(['Red', 'Blue']);
      expect(model.columns).to.deep.equal(['S', 'M']);
      expect(model.cells.map((row) => row.map((cell) => cell?.id ?? null))).to.deep.equal([
        ['r-s', 'r-m'],
        [null, 'b-m'],
      ]);
      expect(model.positions.get('b-m')).to.deep.equal({ row: 1, col: 1 });
    });

    it('lists one attribute as rows with one column', () => {
      const model = buildMatrix([sku('w', { color: 'White' }), sku('k', { color: 'Black' })]);
      expect(model.kind).to.equal('list');
      expect(model.width).to.equal(1);
      expect(model.rowAttributes).to.deep.equal(['color']);
      expect(model.rows.map((row) => row.label)).to.deep.equal(['White', 'Black']);
    });

    it('combines all attributes but the last into rows', () => {
      const model = buildMatrix([
        sku('a', { color: 'Red', fit: 'Slim', size: 'S' }),
        sku('b', { color: 'Red', fit: 'Loose', size: 'S' }),
        sku('c', { color: 'Red', fit: 'Slim', size: 'M' }),
      ]);
      expect(model.rowAttributes).to.deep.equal(['color', 'fit']);
      expect(model.columnAttribute).to.equal('size');
      expect(model.rows.map((row) => row.label)).to.deep.equal(['Red / Slim', 'Red / Loose']);
      expect(model.positions.get('c')).to.deep.equal({ row: 0, col: 1 });
    });

    it('puts colour on the rows and size on the columns whatever order the JSON keys come in', () => {
      // PostgreSQL's jsonb hands keys back shortest first: size before color.
      const model = buildMatrix([
        sku('k-m', { size: 'M', color: 'Black' }),
        sku('k-l', { size: 'L', color: 'Black' }),
        sku('n-m', { size: 'M', color: 'Navy' }),
      ]);
      expect(model.rowAttributes).to.deep.equal(['color']);
      expect(model.columnAttribute).to.equal('size');
      expect(model.rows.map((row) => row.label)).to.deep.equal(['Black', 'Navy']);
      expect(model.columns).to.deep.equal(['M', 'L']);
      expect(attributeNames([sku('x', { 尺码: 'M', 材质: '棉', 颜色: '红' })])).to.deep.equal([
        '颜色',
        '材质',
        '尺码',
      ]);
    });

    it('falls back to a row per SKU for SKUs without attributes or with clashing ones', () => {
      expect(buildMatrix([sku('only', {})]).rows.map((row) => row.label)).to.deep.equal(['only']);
      const clash = buildMatrix([
        sku('x', { color: 'Red', size: 'S' }),
        sku('y', { color: 'Red', size: 'S' }),
      ]);
      expect(clash.kind).to.equal('list');
      expect(clash.cells.map((row) => row[0]?.id)).to.deep.equal(['x', 'y']);
    });
  });

  describe('moveFor()', () => {
    // 3 × 3 with a hole in the middle.
    const grid: GridShape = {
      width: 3,
      cells: [
        [1, 1, 1],
        [1, 0, 1],
        [1, 1, 1],
      ],
    };
    /** The key `k` (with `extra` modifiers or caret) as moveFor's key and caret arguments. */
    const key = (k: string, extra: Partial<GridKey & GridCaret> = {}): [GridKey, GridCaret] => [
      { key: k, ...extra },
      { atStart: true, atEnd: true, ...extra },
    ];

    it('moves with arrows, skipping places without a SKU, and stays at the edges', () => {
      expect(moveFor(...key('ArrowDown'), { row: 0, col: 1 }, grid)).to.deep.equal({ row: 2, col: 1 });
      expect(moveFor(...key('ArrowRight'), { row: 1, col: 0 }, grid)).to.deep.equal({ row: 1, col: 2 });
      expect(moveFor(...key('ArrowUp'), { row: 0, col: 0 }, grid)).to.deep.equal({ row: 0, col: 0 });
    });

    it('leaves ← and → to the caret unless it is at the edge', () => {
      expect(moveFor(...key('ArrowLeft', { atStart: false }), { row: 0, col: 1 }, grid)).to.equal(null);
      expect(moveFor(...key('ArrowRight', { atEnd: false }), { row: 0, col: 1 }, grid)).to.equal(null);
      expect(moveFor(...key('ArrowLeft', { atEnd: false }), { row: 0, col: 1 }, grid)).to.deep.equal({
        row: 0,
        col: 0,
      });
    });

    it('moves down on Enter, up on Shift+Enter, along the row on Home/End and across the grid with Ctrl', () => {
      expect(moveFor(...key('Enter'), { row: 0, col: 0 }, grid)).to.deep.equal({ row: 1, col: 0 });
      expect(moveFor(...key('Enter', { shiftKey: true }), { row: 1, col: 0 }, grid)).to.deep.equal({
        row: 0,
        col: 0,
      });
      expect(moveFor(...key('Home'), { row: 2, col: 2 }, grid)).to.deep.equal({ row: 2, col: 0 });
      expect(moveFor(...key('End'), { row: 2, col: 0 }, grid)).to.deep.equal({ row: 2, col: 2 });
      expect(moveFor(...key('End', { ctrlKey: true }), { row: 0, col: 0 }, grid)).to.deep.equal({
        row: 2,
        col: 2,
      });
      expect(moveFor(...key('Home', { metaKey: true }), { row: 2, col: 2 }, grid)).to.deep.equal({
        row: 0,
        col: 0,
      });
    });

    it('ignores other keys and modified arrows', () => {
      expect(moveFor(...key('a'), { row: 0, col: 0 }, grid)).to.equal(null);
      expect(moveFor(...key('Tab'), { row: 0, col: 0 }, grid)).to.equal(null);
      expect(moveFor(...key('ArrowDown', { altKey: true }), { row: 0, col: 0 }, grid)).to.equal(null);
      expect(moveFor(...key('ArrowLeft', { shiftKey: true }), { row: 0, col: 1 }, grid)).to.equal(null);
    });
  });

  describe('quantities', () => {
    it('reads whole numbers, full-width digits and empty cells; anything else is NaN', () => {
      expect(parseQuantity('')).to.equal(0);
      expect(parseQuantity(' 60 ')).to.equal(60);
      expect(parseQuantity('６０')).to.equal(60);
      for (const bad of ['1.5', '-2', 'abc', '1e3', '9007199254740993'])
        expect(Number.isNaN(parseQuantity(bad)), bad).to.equal(true);
    });

    it('lists non-empty cells in matrix order', () => {
      const quantities = new Map([
        ['b', 5],
        ['a', 0],
        ['c', Number.NaN],
      ]);
      expect(linesOf(quantities, ['a', 'b', 'c']).map((line) => line.skuId)).to.deep.equal(['b', 'c']);
    });
  });

  describe('draft storage', () => {
    beforeEach(() => localStorage.clear());

    it('keeps only SKU ids and positive whole quantities', () => {
      saveDraft('coat', [
        ['coat-black-m', 20],
        ['coat-black-l', 0],
        ['coat-camel-m', Number.NaN],
        ['coat-camel-l', 1.5],
      ]);
      expect(JSON.parse(localStorage.getItem(draftKey('coat'))!)).to.deep.equal({
        v: 1,
        q: { 'coat-black-m': 20 },
      });
      expect([...loadDraft('coat')]).to.deep.equal([['coat-black-m', 20]]);
    });

    it('removes an empty draft and survives corrupt or foreign data', () => {
      saveDraft('coat', [['coat-black-m', 20]]);
      saveDraft('coat', []);
      expect(localStorage.getItem(draftKey('coat'))).to.equal(null);
      localStorage.setItem(draftKey('coat'), '{not json');
      expect(loadDraft('coat').size).to.equal(0);
      localStorage.setItem(draftKey('coat'), JSON.stringify({ v: 1, q: { a: 'Li Wei', b: -1, c: 3 } }));
      expect([...loadDraft('coat')]).to.deep.equal([['c', 3]]);
      clearDraft('coat');
      expect(localStorage.getItem(draftKey('coat'))).to.equal(null);
    });
  });

  describe('order submission', () => {
    it('makes idempotency keys without crypto.randomUUID, which plain-http pages lack', () => {
      const insecure = { getRandomValues: crypto.getRandomValues.bind(crypto) };
      const keys = Array.from({ length: 50 }, () => newIdempotencyKey(insecure));
      for (const key of keys)
        expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(keys).size).to.equal(keys.length);
      // Where it exists, the browser's own.
      expect(
        newIdempotencyKey({ getRandomValues: insecure.getRandomValues, randomUUID: () => 'a-b-c-d-e' }),
      ).to.equal('a-b-c-d-e');
    });

    const order = {
      buyer: { name: 'Li Wei', phone: '13800000000' },
      shipTo: { country: 'CN', region: '', city: 'Hangzhou', line1: '1 Road' },
      lines: [{ skuId: 'coat-black-m', quantity: 20 }],
      expectedTotal: 316000,
    } as OrderRequest;
    const error = (status: number, code: string, details: unknown = null) =>
      new ChainApiError({ status, code, message: code, details });

    /** A client whose placeOrder answers from `script` in turn and records the keys it got. */
    function scripted(script: (Error | 'ok')[]) {
      const keys: string[] = [];
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const client = {
        async placeOrder(_order: unknown, options: { idempotencyKey: string }) {
          keys.push(options.idempotencyKey);
          await gate;
          const next = script.shift();
          if (next instanceof Error) throw next;
          return { id: 'ord_1' } as OrderResponse;
        },
      } as unknown as ChainApiClient;
      return { client, keys, release };
    }

    it('says what a failure means', () => {
      expect(outcomeOf(error(0, 'network_error'), order)).to.deep.include({
        kind: 'failed',
        reason: 'unknown',
      });
      expect(outcomeOf(error(503, 'catalog_unavailable'), order)).to.deep.include({ reason: 'unknown' });
      expect(outcomeOf(error(429, 'rate_limited'), order)).to.deep.include({ reason: 'rate-limited' });
      expect(outcomeOf(error(422, 'quote_violations'), order)).to.deep.include({
        reason: 'rejected',
        code: 'quote_violations',
      });
      expect(outcomeOf(error(409, 'price_changed', { total: 318000 }), order)).to.deep.include({
        kind: 'price-changed',
        previous: 316000,
        total: 318000,
      });
      // Headers came (the order was stored) but the body was cut off: the outcome is unknown.
      expect(outcomeOf(error(201, 'invalid_response'), order)).to.deep.include({ reason: 'unknown' });
      const issues = [{ path: 'buyer.phone', message: 'buyer.phone must be …' }];
      expect(outcomeOf(error(400, 'invalid_request', issues), order)).to.deep.equal({
        kind: 'invalid',
        issues,
      });
    });

    it('ignores a submit while one is in flight', async () => {
      const { client, keys, release } = scripted(['ok']);
      const submission = new OrderSubmission();
      const first = submission.submit(client, order);
      expect(await submission.submit(client, order)).to.equal(null);
      expect(submission.inFlight).to.equal(true);
      release();
      expect((await first)?.kind).to.equal('placed');
      expect(keys).to.have.length(1);
      // A placed order keeps no key: the same order again is a new order.
      await submission.submit(client, order);
      expect(keys[1]).not.to.equal(keys[0]);
    });

    it('keeps the key for the same order after an unknown outcome, and starts a new one otherwise', async () => {
      const { client, keys, release } = scripted([
        error(0, 'network_error'),
        error(422, 'quote_violations'),
        'ok',
        'ok',
      ]);
      release();
      const submission = new OrderSubmission();
      await submission.submit(client, order);
      await submission.submit(client, order);
      expect(keys[1]).to.equal(keys[0]);
      await submission.submit(client, order);
      expect(keys[2]).not.to.equal(keys[1]);
      await submission.submit(client, { ...order, expectedTotal: 1 }, true);
      expect(new Set(keys).size).to.equal(3);
    });
  });
});
