import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ScriptDatabase, ScriptQueryable } from './database.js';
import { Mutex } from './mutex.js';
import { DATE_OID, INT8_OID, parseDate, parseInt8 } from './types.js';

/**
 * The embedded back end. PGlite is one PostgreSQL connection, so every transaction and every
 * statement outside one goes through a FIFO mutex: statements of concurrent requests never
 * interleave inside someone else's transaction, and a transaction sees everything committed
 * before it started (a second request with the same idempotency key finds the first one's
 * record and replays it).
 *
 * Inside `transaction(work)`, `work` must use the `tx` it is given, never the database
 * itself: the database is locked until `work` settles.
 */
export class PgliteDatabase implements ScriptDatabase {
  readonly kind = 'pglite' as const;
  readonly #pg: PGlite;
  readonly #mutex = new Mutex();
  #closed = false;

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  /** The underlying PGlite instance (tests, benchmarks). */
  get pglite(): PGlite {
    return this.#pg;
  }

  query<Row = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<{ rows: Row[] }> {
    return this.#mutex.run(async () => {
      const result = await this.#pg.query<Row>(sql, [...params]);
      return { rows: result.rows };
    });
  }

  transaction<T>(work: (tx: ScriptQueryable) => Promise<T>): Promise<T> {
    return this.#mutex.run(() =>
      this.#pg.transaction(async (tx: Transaction) => {
        const queryable: ScriptQueryable = {
          async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
            const result = await tx.query<Row>(sql, [...params]);
            return { rows: result.rows };
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        };
        return work(queryable);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#mutex.run(() => this.#pg.close());
  }
}

/**
 * Opens PGlite: `'memory'` for a throwaway in-memory database, else a data directory
 * (created when missing; `idb://name` in a browser).
 */
export async function openPglite(dataDir: string): Promise<PgliteDatabase> {
  const pg = await PGlite.create(dataDir === 'memory' ? undefined : dataDir, {
    parsers: { [INT8_OID]: parseInt8, [DATE_OID]: parseDate },
  });
  return new PgliteDatabase(pg);
}
