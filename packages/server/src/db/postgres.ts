import pg from 'pg';
import type { ScriptDatabase, ScriptQueryable } from './database.js';
import { DATE_OID, INT8_OID, parseDate, parseInt8 } from './types.js';

export interface PostgresOptions {
  /**
   * Use this schema (created when missing) through `search_path` on every connection.
   * Tests give each file its own schema; production leaves it unset (`public`).
   */
  readonly schema?: string;
  /** Pool size (default 10). */
  readonly max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8_OID) return parseInt8;
    if (oid === DATE_OID) return parseDate;
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** PostgreSQL through a `pg` pool: each transaction takes one pooled connection for its whole life. */
export class PostgresDatabase implements ScriptDatabase {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  #closed = false;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<{ rows: Row[] }> {
    const result = await this.#pool.query(sql, [...params]);
    return { rows: result.rows as Row[] };
  }

  async transaction<T>(work: (tx: ScriptQueryable) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken = false;
    try {
      await client.query('begin');
      const queryable: ScriptQueryable = {
        async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
          const result = await client.query(sql, [...params]);
          return { rows: result.rows as Row[] };
        },
        async exec(sql: string) {
          await client.query(sql); // no parameters: the simple protocol runs every statement
        },
      };
      try {
        const value = await work(queryable);
        await client.query('commit');
        return value;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch {
          broken = true; // the connection is unusable: drop it instead of returning it to the pool
        }
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/** Opens a pool on `url` (a `postgres://` connection string). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  const { schema } = options;
  if (schema !== undefined) {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`create schema if not exists ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: typeParsers,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  return new PostgresDatabase(pool);
}
