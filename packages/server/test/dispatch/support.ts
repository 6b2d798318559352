/**
 * What the dispatch suites share: a webhook receiver on 127.0.0.1 (node:http) that records
 * every request and answers as each test says, a fake clock, and a way to put messages in
 * the outbox directly.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queryable } from '../../src/db/database.js';

export interface Receipt {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Requests to this path before this one. */
  readonly index: number;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Answer after this many milliseconds. */
  readonly delayMs?: number;
  /** Answer once this settles. */
  readonly hold?: Promise<unknown>;
}

export type Handler = (receipt: Receipt) => Reply | Promise<Reply>;

export interface Receiver {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly receipts: Receipt[];
  /** Requests received whose answer has not been sent yet. */
  readonly open: number;
  /** The most requests that were open at once, per path. */
  readonly maxOpen: ReadonlyMap<string, number>;
  handle(handler: Handler): void;
  byPath(path: string): Receipt[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startReceiver(initial: Handler = () => ({ status: 200 })): Promise<Receiver> {
  let handler = initial;
  const receipts: Receipt[] = [];
  const openPerPath = new Map<string, number>();
  const maxOpen = new Map<string, number>();
  let open = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = req.url ?? '/';
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers[name] = value;
      }
      const receipt: Receipt = { path, headers, body, index: receipts.filter((r) => r.path === path).length };
      receipts.push(receipt);
      open += 1;
      const nowOpen = (openPerPath.get(path) ?? 0) + 1;
      openPerPath.set(path, nowOpen);
      maxOpen.set(path, Math.max(maxOpen.get(path) ?? 0, nowOpen));
      try {
        const reply = await handler(receipt);
        if (reply.hold) await reply.hold;
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        if (!res.destroyed) {
          res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
          res.end('ok');
        }
      } finally {
        open -= 1;
        openPerPath.set(path, (openPerPath.get(path) ?? 1) - 1);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    receipts,
    get open() {
      return open;
    },
    maxOpen,
    handle(next) {
      handler = next;
    },
    byPath(path) {
      return receipts.filter((r) => r.path === path);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface FakeClock {
  now(): Date;
  advance(ms: number): void;
  set(date: Date): void;
}

export function fakeClock(start = new Date('2026-01-05T02:00:00.000Z')): FakeClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
    set(date) {
      t = date.getTime();
    },
  };
}

export interface NewMessage {
  readonly id: string;
  readonly destination?: 'factory' | 'merchant';
  readonly factoryId?: string | null;
  readonly eventType?: string;
  readonly payload?: string;
  readonly nextAttemptAt: Date;
}

export async function insertMessage(db: Queryable, message: NewMessage): Promise<void> {
  const destination = message.destination ?? 'factory';
  await db.query(
    `insert into outbox (id, destination, factory_id, event_type, payload, next_attempt_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $6)`,
    [
      message.id,
      destination,
      destination === 'factory' ? (message.factoryId ?? 'f-a') : null,
      message.eventType ?? 'factory_order.created',
      message.payload ??
        JSON.stringify({ type: message.eventType ?? 'factory_order.created', data: { id: message.id } }),
      message.nextAttemptAt,
    ],
  );
}

export interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  locked_until: Date | null;
  last_error: string | null;
  last_status: number | null;
  delivered_at: Date | null;
}

export async function outboxRow(db: Queryable, id: string): Promise<OutboxRow> {
  const result = await db.query<OutboxRow>(
    `select id, status, attempts, next_attempt_at, locked_until, last_error, last_status, delivered_at
       from outbox where id = $1`,
    [id],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

/** Demo-only webhook secrets for the suites (base64 of fixed bytes). */
export const SECRET_A = `whsec_${Buffer.from('factory-a secret for tests').toString('base64')}`;
export const SECRET_B = `whsec_${Buffer.from('factory-b secret for tests').toString('base64')}`;
export const SECRET_MERCHANT = `whsec_${Buffer.from('merchant secret for tests').toString('base64')}`;

/** Resolves when `check` returns true, polling; rejects after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A promise with its resolve function, for holding a receiver's answer. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
