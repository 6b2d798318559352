/**
 * The back ends every API suite runs against: always in-memory PGlite, plus PostgreSQL when
 * `TEST_DATABASE_URL` is set. On PostgreSQL each opened database lives in its own random
 * schema, dropped when it is closed, so test files never see each other's rows.
 *
 *     describe.each(backends)('offers on $name', (backend) => {
 *       const t = useTestDb(backend);   // opens in beforeAll, resets in beforeEach, closes in afterAll
 *       …
 *     });
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import pg from 'pg';
import { openDatabase } from '../../src/db/open-database.js';
import type { ScriptDatabase } from '../../src/db/database.js';

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<TestDb>;
}

export interface TestDb {
  readonly db: ScriptDatabase;
  /** Empties every table (keeps the schema). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = [
  'outbox',
  'idempotency_keys',
  'factory_queues',
  'factory_orders',
  'orders',
  'offers',
  'catalog_versions',
];

async function reset(db: ScriptDatabase): Promise<void> {
  // DELETE, not TRUNCATE: on a handful of rows it is much faster, and it takes no exclusive lock.
  await db.transaction(async (tx) => {
    for (const table of TABLES) await tx.query(`delete from ${table}`);
    await tx.query(`select setval(pg_get_serial_sequence('catalog_versions', 'version'), 1, false)`);
  });
}

const pgliteBackend: Backend = {
  name: 'pglite',
  async open() {
    const db = await openDatabase('memory');
    return { db, reset: () => reset(db), close: () => db.close() };
  },
};

function postgresBackend(url: string): Backend {
  return {
    name: 'postgres',
    async open() {
      const schema = `test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
      const db = await openDatabase(url, { schema, max: 20 });
      return {
        db,
        reset: () => reset(db),
        async close() {
          await db.close();
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(`drop schema if exists ${schema} cascade`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

export const backends: readonly Backend[] = [
  pgliteBackend,
  ...(process.env.TEST_DATABASE_URL ? [postgresBackend(process.env.TEST_DATABASE_URL)] : []),
];

/** Opens `backend` once for the enclosing `describe`, empties it before each test, closes it after all. */
export function useTestDb(
  backend: Backend,
  options: { resetEachTest?: boolean } = {},
): { readonly db: ScriptDatabase } {
  let opened: TestDb | undefined;
  // PGlite takes seconds to start, much longer on a loaded machine.
  beforeAll(async () => {
    opened = await backend.open();
  }, 180_000);
  if (options.resetEachTest !== false) {
    beforeEach(async () => {
      await opened?.reset();
    });
  }
  afterAll(async () => {
    await opened?.close();
  }, 60_000);
  return {
    get db() {
      if (!opened) throw new Error('the test database is not open yet (use it inside tests or hooks)');
      return opened.db;
    },
  };
}
