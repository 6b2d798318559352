/**
 * The one SQL layer. Both back ends (embedded PGlite and PostgreSQL through `pg`)
 * speak the same PostgreSQL dialect with `$1` placeholders, so every query in the
 * server is written once and runs on either.
 */

/** Something that runs SQL: the database itself, or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface Database extends Queryable {
  /** Which back end this is, for logs and benchmarks. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` inside one transaction: commits when it resolves, rolls back when it throws.
   * Everything an order writes (order, sub-orders, outbox, idempotency record) goes through here.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A transaction that can also run a multi-statement SQL script (migrations). */
export interface ScriptQueryable extends Queryable {
  /** Runs `sql` (one or more statements, no parameters) and discards any rows. */
  exec(sql: string): Promise<void>;
}

/** A database whose transactions can run scripts: both adapters are. */
export interface ScriptDatabase extends Database {
  transaction<T>(work: (tx: ScriptQueryable) => Promise<T>): Promise<T>;
}
