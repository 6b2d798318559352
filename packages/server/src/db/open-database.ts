import type { ScriptDatabase } from './database.js';
import { migrate, type Migration } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface OpenDatabaseOptions {
  /** PostgreSQL only: the schema to use (created when missing). */
  readonly schema?: string;
  /** PostgreSQL only: pool size. */
  readonly max?: number;
  /** Run the migrations (default true). */
  readonly migrate?: boolean;
  /** Migrations to run instead of the package's `migrations/` folder. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens the database named by `spec` and brings its schema up to date:
 * - `'memory'`: in-memory PGlite (tests, demos);
 * - `postgres://…` or `postgresql://…`: PostgreSQL through a `pg` pool;
 * - anything else: a PGlite data directory (created when missing).
 */
export async function openDatabase(spec: string, options: OpenDatabaseOptions = {}): Promise<ScriptDatabase> {
  const db = /^postgres(ql)?:\/\//i.test(spec)
    ? await openPostgres(spec, {
        ...(options.schema !== undefined ? { schema: options.schema } : {}),
        ...(options.max !== undefined ? { max: options.max } : {}),
      })
    : await openPglite(spec);
  if (options.migrate !== false) {
    try {
      await migrate(db, options.migrations);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
