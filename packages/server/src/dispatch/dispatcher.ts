/**
 * The outbox relay: claims due webhook messages from the `outbox` table and delivers
 * each one on its own, at least once.
 *
 * - Claiming sets a lease (`locked_until`) in one statement with `FOR UPDATE SKIP LOCKED`,
 *   so several server instances on one PostgreSQL never hold the same message at once;
 *   a crashed instance's lease simply expires and another instance (or the restarted
 *   one) picks the message up again.
 * - Every message is its own promise. Concurrency is bounded overall and per
 *   destination (each factory, and the merchant endpoint): claims are made per
 *   destination for that destination's free slots only, so a slow or dead factory can
 *   hold at most its own slots and never a healthy factory's.
 * - The outcome is written back guarded by the lease: an instance whose lease ran out
 *   (it stalled past the lease) cannot overwrite what the new holder did.
 * - Logs carry message id, destination, factory id, event type, attempt, HTTP status,
 *   duration and outcome; never the payload or anything about the buyer.
 */
import type { Database, Queryable } from '../db/database.js';
import type { Logger } from '../logger.js';
import {
  deliver,
  DELIVERY_TIMEOUT_MS,
  type DeliveryOutcome,
  type DeliveryTarget,
  type FetchLike,
} from './deliver.js';
import { MAX_ATTEMPTS, nextAttempt, type Random } from './schedule.js';

/** What the dispatcher needs from the store file: where each destination is and its secret. */
export interface DispatchStore {
  readonly factories: readonly {
    readonly id: string;
    readonly webhookUrl: string;
    readonly webhookSecret: string;
  }[];
  readonly webhooks?: { readonly merchant?: { readonly url: string; readonly secret: string } | null } | null;
}

export interface DispatchClock {
  now(): Date;
}

export interface DispatcherOptions {
  readonly db: Database;
  readonly store: DispatchStore;
  /** Defaults to the wall clock. Tests pass a fake one and advance it between `runOnce` calls. */
  readonly clock?: DispatchClock;
  /** Jitter source, uniform in [0, 1). */
  readonly random?: Random;
  readonly fetch?: FetchLike;
  readonly logger?: Logger;
  /** Deliveries in flight at once, over all destinations. Default 32. */
  readonly concurrency?: number;
  /** Deliveries in flight at once to one destination (one factory). Default 4. */
  readonly perDestinationConcurrency?: number;
  /** How often the `start()` loop looks for due messages. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** How long a claim is held before another instance may take the message. Default 60 s. */
  readonly leaseMs?: number;
  /** One attempt's timeout. Default 15 s. */
  readonly timeoutMs?: number;
}

export interface RunCounts {
  /** Messages claimed (each got one attempt). */
  claimed: number;
  delivered: number;
  /** Failed and scheduled again. */
  retried: number;
  /** Failed on their last attempt. */
  dead: number;
  /**
   * Attempted, but the lease ran out before the outcome was saved (this instance stalled);
   * whoever holds the message now decides its fate.
   */
  lost: number;
}

export type ReplayResult = 'replayed' | 'not_found' | 'pending';

export interface Dispatcher {
  /**
   * Delivers everything due now: claims what the free slots allow, delivers each message
   * independently, claims again as slots free up, and resolves when nothing due is left
   * and nothing is in flight.
   */
  runOnce(): Promise<RunCounts>;
  /** Starts the background loop (poll every `pollIntervalMs`, and again as soon as a slot frees). */
  start(): void;
  /** Stops claiming and waits for the deliveries in flight (each bounded by the timeout). */
  stop(): Promise<void>;
  /** Puts a dead (or delivered) message back in the queue with a fresh schedule. */
  replay(id: string): Promise<ReplayResult>;
  /** Whether the loop runs. */
  readonly running: boolean;
  /** Totals since this dispatcher was created. */
  readonly totals: Readonly<RunCounts>;
}

interface ClaimedRow {
  id: string;
  destination: string;
  factory_id: string | null;
  event_type: string;
  payload: string;
  attempts: number;
}

interface DueGroup {
  destination: string;
  factory_id: string | null;
}

const DUE = `status = 'pending' and next_attempt_at <= $1 and (locked_until is null or locked_until < $1)`;

function destinationKey(destination: string, factoryId: string | null): string {
  return destination === 'factory' ? `factory:${factoryId ?? ''}` : destination;
}

/**
 * Puts a message back in the queue: attempts start again from zero, due now. Dead and
 * delivered messages can be replayed; a pending one is left alone. The same payload and
 * `webhook-id` are sent, so a receiver that already has it can deduplicate.
 */
export async function replayMessage(db: Queryable, id: string, now: Date): Promise<ReplayResult> {
  const updated = await db.query<{ id: string }>(
    `update outbox
        set status = 'pending', attempts = 0, next_attempt_at = $2, locked_until = null,
            last_error = null, last_status = null, delivered_at = null
      where id = $1 and status in ('dead', 'delivered')
      returning id`,
    [id, now],
  );
  if (updated.rows.length > 0) return 'replayed';
  const existing = await db.query<{ status: string }>(`select status from outbox where id = $1`, [id]);
  return existing.rows.length > 0 ? 'pending' : 'not_found';
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, store, logger } = options;
  const clock: DispatchClock = options.clock ?? { now: () => new Date() };
  const random: Random = options.random ?? Math.random;
  const concurrency = Math.max(1, options.concurrency ?? 32);
  const perDestination = Math.max(1, options.perDestinationConcurrency ?? 4);
  const pollIntervalMs = Math.max(10, options.pollIntervalMs ?? 1000);
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  // The lease must outlast one attempt with room to write the outcome back.
  const leaseMs = Math.max(options.leaseMs ?? 60_000, timeoutMs + 5_000);

  const inFlight = new Set<Promise<void>>();
  const inFlightPerDestination = new Map<string, number>();
  const totals: RunCounts = { claimed: 0, delivered: 0, retried: 0, dead: 0, lost: 0 };
  let rotation = 0;
  let claiming: Promise<ClaimedRow[]> | null = null;

  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let tickPending = false;

  function target(row: ClaimedRow): DeliveryTarget | null {
    if (row.destination === 'factory') {
      const factory = store.factories.find((f) => f.id === row.factory_id);
      return factory ? { url: factory.webhookUrl, secret: factory.webhookSecret } : null;
    }
    if (row.destination === 'merchant') {
      const merchant = store.webhooks?.merchant;
      return merchant ? { url: merchant.url, secret: merchant.secret } : null;
    }
    return null;
  }

  /** One claim round: for each destination with due messages, up to its free slots. */
  async function claimRound(): Promise<ClaimedRow[]> {
    let free = concurrency - inFlight.size;
    if (free <= 0) return [];
    const now = clock.now();
    const groups = await db.query<DueGroup>(
      `select destination, factory_id from outbox where ${DUE} group by destination, factory_id`,
      [now],
    );
    if (groups.rows.length === 0) return [];
    // Start at a different destination each round so none is always served last.
    const start = rotation++ % groups.rows.length;
    const ordered = [...groups.rows.slice(start), ...groups.rows.slice(0, start)];
    const claimed: ClaimedRow[] = [];
    const leaseUntil = new Date(now.getTime() + leaseMs);
    for (const group of ordered) {
      if (free <= 0) break;
      const key = destinationKey(group.destination, group.factory_id);
      const slots = Math.min(free, perDestination - (inFlightPerDestination.get(key) ?? 0));
      if (slots <= 0) continue;
      const result = await db.query<ClaimedRow>(
        `update outbox set locked_until = $2
          where id in (
            select id from outbox
             where ${DUE} and destination = $3 and factory_id is not distinct from $4
             order by next_attempt_at, id
             limit $5
             for update skip locked)
          returning id, destination, factory_id, event_type, payload, attempts`,
        [now, leaseUntil, group.destination, group.factory_id, slots],
      );
      for (const row of result.rows) {
        claimed.push(row);
        leases.set(row.id, leaseUntil);
      }
      free -= result.rows.length;
    }
    return claimed;
  }

  const leases = new Map<string, Date>();

  /** Claims are serialised within one instance so slot accounting stays exact. */
  async function claim(): Promise<ClaimedRow[]> {
    while (claiming) await claiming.catch(() => undefined);
    claiming = claimRound();
    try {
      return await claiming;
    } finally {
      claiming = null;
    }
  }

  async function complete(
    row: ClaimedRow,
    outcome: DeliveryOutcome,
    leaseUntil: Date,
  ): Promise<keyof RunCounts> {
    const attempt = row.attempts + 1;
    const now = clock.now();
    let result: keyof RunCounts;
    let written: { rows: unknown[] };
    if (outcome.ok) {
      result = 'delivered';
      written = await db.query(
        `update outbox set status = 'delivered', attempts = $3, delivered_at = $4, last_status = $5,
                last_error = null, locked_until = null
          where id = $1 and locked_until = $2 returning id`,
        [row.id, leaseUntil, attempt, now, outcome.status],
      );
    } else {
      const next = nextAttempt(attempt, now, { random, retryAfterMs: outcome.retryAfterMs });
      if (next.kind === 'dead') {
        result = 'dead';
        written = await db.query(
          `update outbox set status = 'dead', attempts = $3, last_status = $4, last_error = $5, locked_until = null
            where id = $1 and locked_until = $2 returning id`,
          [row.id, leaseUntil, attempt, outcome.status, outcome.error],
        );
      } else {
        result = 'retried';
        written = await db.query(
          `update outbox set attempts = $3, next_attempt_at = $4, last_status = $5, last_error = $6, locked_until = null
            where id = $1 and locked_until = $2 returning id`,
          [row.id, leaseUntil, attempt, next.at, outcome.status, outcome.error],
        );
      }
    }
    const fields = {
      messageId: row.id,
      destination: row.destination,
      factoryId: row.factory_id,
      eventType: row.event_type,
      attempt,
      maxAttempts: MAX_ATTEMPTS,
      status: outcome.status,
      durationMs: outcome.durationMs,
      outcome: result,
    };
    if (written.rows.length === 0) {
      logger?.warn({ ...fields, outcome: 'lost' }, 'webhook lease lost before the outcome was saved');
      return 'lost';
    } else if (outcome.ok) {
      logger?.info(fields, 'webhook delivered');
    } else {
      const level = result === 'dead' ? 'error' : 'warn';
      logger?.[level](
        { ...fields, error: outcome.error },
        result === 'dead' ? 'webhook dead' : 'webhook failed',
      );
    }
    return result;
  }

  async function attempt(row: ClaimedRow): Promise<keyof RunCounts> {
    const leaseUntil = leases.get(row.id) ?? new Date(0);
    const destination = target(row);
    const outcome: DeliveryOutcome = destination
      ? await deliver(
          destination,
          { id: row.id, payload: row.payload, eventType: row.event_type },
          { now: clock.now(), timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) },
        )
      : {
          ok: false,
          retryable: true,
          status: null,
          error: `no webhook endpoint configured for ${destinationKey(row.destination, row.factory_id)}`,
          retryAfterMs: null,
          durationMs: 0,
        };
    return complete(row, outcome, leaseUntil);
  }

  function launch(row: ClaimedRow, counts: RunCounts | null): Promise<void> {
    const key = destinationKey(row.destination, row.factory_id);
    inFlightPerDestination.set(key, (inFlightPerDestination.get(key) ?? 0) + 1);
    totals.claimed += 1;
    if (counts) counts.claimed += 1;
    const work = attempt(row)
      .then((result) => {
        totals[result] += 1;
        if (counts) counts[result] += 1;
      })
      .catch((error: unknown) => {
        // The outcome could not be saved (database down?): the lease expires and the
        // message is attempted again, which at-least-once allows.
        logger?.error(
          {
            messageId: row.id,
            factoryId: row.factory_id,
            err: error instanceof Error ? error.message : String(error),
          },
          'webhook outcome not saved',
        );
      })
      .finally(() => {
        leases.delete(row.id);
        const left = (inFlightPerDestination.get(key) ?? 1) - 1;
        if (left <= 0) inFlightPerDestination.delete(key);
        else inFlightPerDestination.set(key, left);
        inFlight.delete(work);
        if (running) scheduleTick(0);
      });
    inFlight.add(work);
    return work;
  }

  async function runOnce(): Promise<RunCounts> {
    const counts: RunCounts = { claimed: 0, delivered: 0, retried: 0, dead: 0, lost: 0 };
    const mine = new Set<Promise<void>>();
    for (;;) {
      const rows = await claim();
      for (const row of rows) {
        const work = launch(row, counts);
        mine.add(work);
        void work.finally(() => mine.delete(work));
      }
      if (rows.length > 0) continue;
      if (mine.size === 0) break;
      await Promise.race(mine);
    }
    return counts;
  }

  async function tick(): Promise<void> {
    tickPending = false;
    timer = null;
    if (!running) return;
    try {
      const rows = await claim();
      for (const row of rows) launch(row, null);
      // More may be due than there were slots: look again right away if this round was full.
      scheduleTick(rows.length > 0 ? 0 : pollIntervalMs);
    } catch (error) {
      logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'outbox claim failed');
      scheduleTick(pollIntervalMs);
    }
  }

  function scheduleTick(delayMs: number): void {
    if (!running) return;
    if (tickPending && delayMs > 0) return;
    if (timer) clearTimeout(timer);
    tickPending = true;
    timer = setTimeout(() => void tick(), delayMs);
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      scheduleTick(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      tickPending = false;
      while (claiming) await claiming.catch(() => undefined);
      await Promise.allSettled([...inFlight]);
    },
    replay(id: string) {
      return replayMessage(db, id, clock.now());
    },
    get running() {
      return running;
    },
    get totals() {
      return { ...totals };
    },
  };
}
