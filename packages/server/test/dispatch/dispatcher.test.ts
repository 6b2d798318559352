import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@chainkit/core';
import {
  createDispatcher,
  type DispatchStore,
  type DispatcherOptions,
} from '../../src/dispatch/dispatcher.js';
import { RETRY_DELAYS_MS } from '../../src/dispatch/schedule.js';
import { createLogger } from '../../src/logger.js';
import { backends, useTestDb } from '../helpers/test-db.js';
import {
  SECRET_A,
  SECRET_B,
  SECRET_MERCHANT,
  closedPort,
  fakeClock,
  gate,
  insertMessage,
  outboxRow,
  startReceiver,
  waitFor,
  type Receiver,
} from './support.js';

const S = 1000;
const H = 3600 * S;

describe.each(backends)('dispatcher on $name', (backend) => {
  const t = useTestDb(backend);
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  function store(overrides: Partial<Record<'a' | 'b', string>> = {}): DispatchStore {
    return {
      factories: [
        { id: 'f-a', webhookUrl: overrides.a ?? `${receiver.url}/hooks/f-a`, webhookSecret: SECRET_A },
        { id: 'f-b', webhookUrl: overrides.b ?? `${receiver.url}/hooks/f-b`, webhookSecret: SECRET_B },
      ],
      webhooks: { merchant: { url: `${receiver.url}/hooks/merchant`, secret: SECRET_MERCHANT } },
    };
  }

  function dispatcher(clock: { now(): Date }, options: Partial<DispatcherOptions> = {}) {
    return createDispatcher({ db: t.db, store: store(), clock, random: () => 0.5, ...options });
  }

  /** Lets earlier tests' lingering requests (a timed-out one answers late) finish, then forgets them. */
  async function reset(): Promise<void> {
    await waitFor(() => receiver.open === 0, 10_000, 'earlier requests to finish');
    receiver.receipts.length = 0;
    (receiver.maxOpen as Map<string, number>).clear();
  }

  it('retries a receiver that fails twice, then marks the message delivered; every attempt is validly signed', async () => {
    await reset();
    const clock = fakeClock();
    const t0 = clock.now();
    receiver.handle((r) => ({ status: r.index < 2 ? 500 : 200 }));
    await insertMessage(t.db, { id: 'msg_twice', factoryId: 'f-a', nextAttemptAt: t0 });
    const d = dispatcher(clock);

    expect(await d.runOnce()).toEqual({ claimed: 1, delivered: 0, retried: 1, dead: 0, lost: 0 });
    let row = await outboxRow(t.db, 'msg_twice');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: 500, locked_until: null });
    expect(row.next_attempt_at.getTime() - t0.getTime()).toBe(5 * S);

    // Not due yet: nothing happens until the clock reaches the next attempt.
    clock.advance(4 * S);
    expect((await d.runOnce()).claimed).toBe(0);
    expect(receiver.byPath('/hooks/f-a')).toHaveLength(1);

    clock.advance(1 * S);
    expect(await d.runOnce()).toEqual({ claimed: 1, delivered: 0, retried: 1, dead: 0, lost: 0 });
    row = await outboxRow(t.db, 'msg_twice');
    expect(row.attempts).toBe(2);
    expect(row.next_attempt_at.getTime() - clock.now().getTime()).toBe(5 * 60 * S);

    clock.advance(5 * 60 * S);
    expect(await d.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, lost: 0 });
    row = await outboxRow(t.db, 'msg_twice');
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_status: 200, last_error: null });
    expect(row.delivered_at?.getTime()).toBe(clock.now().getTime());

    const receipts = receiver.byPath('/hooks/f-a');
    expect(receipts).toHaveLength(3);
    const sentAt = [t0.getTime(), t0.getTime() + 5 * S, t0.getTime() + 5 * S + 5 * 60 * S];
    for (const [i, receipt] of receipts.entries()) {
      expect(receipt.headers['webhook-id']).toBe('msg_twice');
      expect(receipt.headers['content-type']).toBe('application/json');
      expect(Number(receipt.headers['webhook-timestamp']) * 1000).toBe(sentAt[i]);
      const verdict = await verifyWebhook(SECRET_A, receipt.headers, receipt.body, {
        now: new Date(sentAt[i] as number),
      });
      expect(verdict).toEqual({ ok: true, id: 'msg_twice', timestamp: (sentAt[i] as number) / 1000 });
      // Another factory's secret does not verify it.
      expect(
        (await verifyWebhook(SECRET_B, receipt.headers, receipt.body, { now: new Date(sentAt[i] as number) }))
          .ok,
      ).toBe(false);
    }
    expect(new Set(receipts.map((r) => r.body)).size).toBe(1);
  });

  it('retries on a timeout, recording why', async () => {
    await reset();
    const clock = fakeClock();
    receiver.handle(() => ({ status: 200, delayMs: 1_000 }));
    await insertMessage(t.db, { id: 'msg_timeout', factoryId: 'f-a', nextAttemptAt: clock.now() });
    const counts = await dispatcher(clock, { timeoutMs: 150 }).runOnce();
    expect(counts).toEqual({ claimed: 1, delivered: 0, retried: 1, dead: 0, lost: 0 });
    const row = await outboxRow(t.db, 'msg_timeout');
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status: null,
      last_error: 'timeout after 150 ms',
    });
  });

  it('retries on a refused connection', async () => {
    await reset();
    const clock = fakeClock();
    const port = await closedPort();
    await insertMessage(t.db, { id: 'msg_refused', factoryId: 'f-b', nextAttemptAt: clock.now() });
    const d = createDispatcher({
      db: t.db,
      store: store({ b: `http://127.0.0.1:${port}/hooks` }),
      clock,
      random: () => 0.5,
    });
    expect((await d.runOnce()).retried).toBe(1);
    const row = await outboxRow(t.db, 'msg_refused');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/ECONNREFUSED/);
  });

  it('retries 4xx answers too (like Stripe and Shopify) and does not follow redirects', async () => {
    await reset();
    const clock = fakeClock();
    receiver.handle((r) =>
      r.path.endsWith('f-a')
        ? { status: 404 }
        : { status: 302, headers: { location: `${receiver.url}/elsewhere` } },
    );
    await insertMessage(t.db, { id: 'msg_404', factoryId: 'f-a', nextAttemptAt: clock.now() });
    await insertMessage(t.db, { id: 'msg_302', factoryId: 'f-b', nextAttemptAt: clock.now() });
    expect(await dispatcher(clock).runOnce()).toEqual({
      claimed: 2,
      delivered: 0,
      retried: 2,
      dead: 0,
      lost: 0,
    });
    expect(await outboxRow(t.db, 'msg_404')).toMatchObject({ status: 'pending', last_status: 404 });
    expect(await outboxRow(t.db, 'msg_302')).toMatchObject({ status: 'pending', last_status: 302 });
    expect(receiver.byPath('/elsewhere')).toHaveLength(0);
  });

  it('honours Retry-After in seconds and as an HTTP date, but never earlier than the schedule', async () => {
    await reset();
    const clock = fakeClock();
    const t0 = clock.now();
    receiver.handle((r) => {
      if (r.path.endsWith('f-a')) return { status: 503, headers: { 'retry-after': '600' } };
      if (r.path.endsWith('f-b'))
        return { status: 429, headers: { 'retry-after': new Date(t0.getTime() + H).toUTCString() } };
      return { status: 429, headers: { 'retry-after': '1' } };
    });
    await insertMessage(t.db, { id: 'msg_ra_seconds', factoryId: 'f-a', nextAttemptAt: t0 });
    await insertMessage(t.db, { id: 'msg_ra_date', factoryId: 'f-b', nextAttemptAt: t0 });
    await insertMessage(t.db, { id: 'msg_ra_short', destination: 'merchant', nextAttemptAt: t0 });
    expect((await dispatcher(clock).runOnce()).retried).toBe(3);
    expect((await outboxRow(t.db, 'msg_ra_seconds')).next_attempt_at.getTime() - t0.getTime()).toBe(600 * S);
    expect((await outboxRow(t.db, 'msg_ra_date')).next_attempt_at.getTime() - t0.getTime()).toBe(H);
    expect((await outboxRow(t.db, 'msg_ra_short')).next_attempt_at.getTime() - t0.getTime()).toBe(5 * S);
  });

  it('sends merchant messages to the merchant webhook with its own secret', async () => {
    await reset();
    const clock = fakeClock();
    receiver.handle(() => ({ status: 204 }));
    await insertMessage(t.db, {
      id: 'msg_merchant',
      destination: 'merchant',
      eventType: 'order.status_changed',
      nextAttemptAt: clock.now(),
    });
    expect((await dispatcher(clock).runOnce()).delivered).toBe(1);
    const [receipt] = receiver.byPath('/hooks/merchant');
    expect(receipt).toBeDefined();
    expect(
      (await verifyWebhook(SECRET_MERCHANT, receipt!.headers, receipt!.body, { now: clock.now() })).ok,
    ).toBe(true);
  });

  it('keeps retrying a destination that is not configured, so a fixed store file can deliver it', async () => {
    await reset();
    const clock = fakeClock();
    await insertMessage(t.db, { id: 'msg_nowhere', factoryId: 'f-gone', nextAttemptAt: clock.now() });
    await insertMessage(t.db, { id: 'msg_no_merchant', destination: 'merchant', nextAttemptAt: clock.now() });
    const d = createDispatcher({
      db: t.db,
      store: { factories: store().factories, webhooks: { merchant: null } },
      clock,
    });
    expect((await d.runOnce()).retried).toBe(2);
    expect((await outboxRow(t.db, 'msg_nowhere')).last_error).toBe(
      'no webhook endpoint configured for factory:f-gone',
    );
    expect((await outboxRow(t.db, 'msg_no_merchant')).last_error).toBe(
      'no webhook endpoint configured for merchant',
    );
  });

  it('follows the whole schedule on a fake clock, goes dead after the eighth attempt, and a replay delivers it', async () => {
    await reset();
    const clock = fakeClock();
    receiver.handle(() => ({ status: 500 }));
    await insertMessage(t.db, { id: 'msg_dead', factoryId: 'f-a', nextAttemptAt: clock.now() });
    const d = dispatcher(clock);
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const counts = await d.runOnce();
      expect(counts).toEqual({
        claimed: 1,
        delivered: 0,
        retried: attempt < 8 ? 1 : 0,
        dead: attempt === 8 ? 1 : 0,
        lost: 0,
      });
      const row = await outboxRow(t.db, 'msg_dead');
      expect(row.attempts).toBe(attempt);
      if (attempt < 8) {
        gaps.push(row.next_attempt_at.getTime() - clock.now().getTime());
        // One millisecond early: not due.
        clock.set(new Date(row.next_attempt_at.getTime() - 1));
        expect((await d.runOnce()).claimed).toBe(0);
        clock.advance(1);
      }
    }
    expect(gaps).toEqual(RETRY_DELAYS_MS.slice(1));
    expect(await outboxRow(t.db, 'msg_dead')).toMatchObject({
      status: 'dead',
      attempts: 8,
      last_status: 500,
    });
    clock.advance(48 * H);
    expect((await d.runOnce()).claimed).toBe(0);
    expect(receiver.byPath('/hooks/f-a')).toHaveLength(8);

    const dead = await t.db.query<{ id: string }>(`select id from outbox where status = 'dead'`);
    expect(dead.rows.map((r) => r.id)).toEqual(['msg_dead']);

    receiver.handle(() => ({ status: 200 }));
    expect(await d.replay('msg_dead')).toBe('replayed');
    expect(await outboxRow(t.db, 'msg_dead')).toMatchObject({
      status: 'pending',
      attempts: 0,
      last_error: null,
    });
    expect(await d.replay('msg_dead')).toBe('pending');
    expect(await d.replay('msg_unknown')).toBe('not_found');
    expect(await d.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, lost: 0 });
    expect(await outboxRow(t.db, 'msg_dead')).toMatchObject({ status: 'delivered', attempts: 1 });
    const receipts = receiver.byPath('/hooks/f-a');
    expect(receipts).toHaveLength(9);
    expect(receipts[8]?.headers['webhook-id']).toBe('msg_dead');
  });

  it('never lets a slow factory delay a healthy one', async () => {
    await reset();
    const clock = fakeClock();
    const release = gate();
    receiver.handle((r) =>
      r.path.endsWith('f-a') ? { status: 200, hold: release.promise } : { status: 200 },
    );
    // Six messages for the slow factory, all older than the healthy factory's one.
    for (let i = 0; i < 6; i++) {
      await insertMessage(t.db, {
        id: `msg_slow_${i}`,
        factoryId: 'f-a',
        nextAttemptAt: new Date(clock.now().getTime() - 60 * S + i),
      });
    }
    await insertMessage(t.db, { id: 'msg_healthy', factoryId: 'f-b', nextAttemptAt: clock.now() });
    const d = dispatcher(clock, { concurrency: 4, perDestinationConcurrency: 2 });
    const run = d.runOnce();
    await waitFor(
      async () => (await outboxRow(t.db, 'msg_healthy')).status === 'delivered',
      30_000,
      'the healthy delivery',
    );
    // The slow factory holds its two slots and no more; its other messages wait, unclaimed.
    const slow = await t.db.query<{ status: string; locked: boolean }>(
      `select status, locked_until is not null as locked from outbox where factory_id = 'f-a' order by id`,
    );
    expect(slow.rows.map((r) => r.status)).toEqual(Array(6).fill('pending'));
    expect(slow.rows.filter((r) => r.locked)).toHaveLength(2);
    expect(receiver.byPath('/hooks/f-a')).toHaveLength(2);
    release.open();
    expect(await run).toEqual({ claimed: 7, delivered: 7, retried: 0, dead: 0, lost: 0 });
    expect(receiver.maxOpen.get('/hooks/f-a')).toBe(2);
  });

  it('picks a message up again after a crashed holder’s lease expires, and a stale holder cannot overwrite it', async () => {
    await reset();
    const clock = fakeClock();
    receiver.handle(() => ({ status: 200 }));
    await insertMessage(t.db, { id: 'msg_crash', factoryId: 'f-a', nextAttemptAt: clock.now() });
    // Another instance claimed it (lease 60 s) and died before writing the outcome.
    await t.db.query(`update outbox set locked_until = $2 where id = $1`, [
      'msg_crash',
      new Date(clock.now().getTime() + 60 * S),
    ]);
    const d = dispatcher(clock, { leaseMs: 60 * S });
    expect((await d.runOnce()).claimed).toBe(0);
    clock.advance(59 * S);
    expect((await d.runOnce()).claimed).toBe(0);
    clock.advance(2 * S);
    expect(await d.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, lost: 0 });
    expect(await outboxRow(t.db, 'msg_crash')).toMatchObject({
      status: 'delivered',
      attempts: 1,
      locked_until: null,
    });
    expect(receiver.byPath('/hooks/f-a')).toHaveLength(1);

    // A holder that stalls past its lease: another instance delivers the message meanwhile, and
    // the stalled holder's late failure does not overwrite that.
    await insertMessage(t.db, { id: 'msg_stalled', factoryId: 'f-a', nextAttemptAt: clock.now() });
    const stall = gate();
    let stalledCalls = 0;
    const stalled = createDispatcher({
      db: t.db,
      store: store(),
      clock,
      leaseMs: 30 * S,
      timeoutMs: 1_000,
      fetch: async () => {
        stalledCalls += 1;
        await stall.promise;
        return new Response(null, { status: 500 });
      },
    });
    const stalledRun = stalled.runOnce();
    await waitFor(() => stalledCalls === 1, 10_000, 'the stalled attempt');
    clock.advance(31 * S);
    expect(await d.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, lost: 0 });
    stall.open();
    expect(await stalledRun).toEqual({ claimed: 1, delivered: 0, retried: 0, dead: 0, lost: 1 });
    expect(await outboxRow(t.db, 'msg_stalled')).toMatchObject({
      status: 'delivered',
      attempts: 1,
      last_status: 200,
    });
  });

  it('delivers each of 120 messages exactly once with two dispatchers claiming from one database', async () => {
    await reset();
    const clock = fakeClock();
    receiver.handle((r) => ({ status: 200, delayMs: r.body.length % 7 }));
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const id = `msg_pair_${String(i).padStart(3, '0')}`;
      ids.push(id);
      await insertMessage(t.db, { id, factoryId: i % 2 === 0 ? 'f-a' : 'f-b', nextAttemptAt: clock.now() });
    }
    // On PostgreSQL the second dispatcher has its own connection pool, like a second server instance.
    const second =
      t.db.kind === 'postgres'
        ? await (async () => {
            const { openDatabase } = await import('../../src/db/open-database.js');
            const schema = (await t.db.query<{ schema: string }>('select current_schema() as schema')).rows[0]
              ?.schema;
            return openDatabase(process.env.TEST_DATABASE_URL as string, {
              schema: schema as string,
              migrate: false,
            });
          })()
        : null;
    try {
      const one = dispatcher(clock, { concurrency: 8, perDestinationConcurrency: 4 });
      const two = createDispatcher({
        db: second ?? t.db,
        store: store(),
        clock,
        concurrency: 8,
        perDestinationConcurrency: 4,
      });
      const [a, b] = await Promise.all([one.runOnce(), two.runOnce()]);
      expect(a.delivered + b.delivered).toBe(120);
      expect(a.claimed + b.claimed).toBe(120);
      if (second) {
        // Both instances did part of the work.
        expect(a.delivered).toBeGreaterThan(0);
        expect(b.delivered).toBeGreaterThan(0);
      }
    } finally {
      await second?.close();
    }
    const counts = new Map<string, number>();
    for (const receipt of receiver.receipts) {
      const id = receipt.headers['webhook-id'] as string;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(ids);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const left = await t.db.query<{ n: number }>(
      `select count(*)::int as n from outbox where status <> 'delivered'`,
    );
    expect(left.rows[0]?.n).toBe(0);
  });

  it('runs as a background loop and stops after finishing what is in flight', async () => {
    await reset();
    const release = gate();
    receiver.handle(() => ({ status: 200, hold: release.promise }));
    await insertMessage(t.db, { id: 'msg_loop', factoryId: 'f-a', nextAttemptAt: new Date() });
    const d = createDispatcher({ db: t.db, store: store(), pollIntervalMs: 20 });
    d.start();
    expect(d.running).toBe(true);
    await waitFor(() => receiver.byPath('/hooks/f-a').length === 1, 10_000, 'the first attempt');
    const stopped = d.stop();
    release.open();
    await stopped;
    expect(d.running).toBe(false);
    expect(await outboxRow(t.db, 'msg_loop')).toMatchObject({ status: 'delivered', attempts: 1 });
    // Stopped: a new message stays pending.
    await insertMessage(t.db, { id: 'msg_after_stop', factoryId: 'f-a', nextAttemptAt: new Date() });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await outboxRow(t.db, 'msg_after_stop')).status).toBe('pending');
  });

  it('logs ids, attempt, status and duration, never the payload or the buyer', async () => {
    await reset();
    const clock = fakeClock();
    receiver.handle((r) => ({ status: r.index === 0 ? 500 : 200 }));
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination: sink });
    const payload = JSON.stringify({
      type: 'factory_order.created',
      data: { buyer: { name: '王小明', phone: '13800138000' }, shipTo: { line1: '稠州北路 88 号' } },
    });
    await insertMessage(t.db, { id: 'msg_logged', factoryId: 'f-b', payload, nextAttemptAt: clock.now() });
    const d = dispatcher(clock, { logger });
    await d.runOnce();
    clock.advance(5 * S);
    await d.runOnce();
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      messageId: 'msg_logged',
      factoryId: 'f-b',
      attempt: 1,
      status: 500,
      outcome: 'retried',
    });
    expect(entries[1]).toMatchObject({
      messageId: 'msg_logged',
      factoryId: 'f-b',
      attempt: 2,
      status: 200,
      outcome: 'delivered',
    });
    expect(typeof entries[1]?.durationMs).toBe('number');
    const all = lines.join('\n');
    for (const secret of ['王小明', '13800138000', '稠州北路', SECRET_B]) expect(all).not.toContain(secret);
  });
});
