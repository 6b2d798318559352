/**
 * Schema migrations: `migrations/NNN_name.sql`, read from disk (Node) and applied by
 * `apply-migrations.ts` in name order, each once, under an advisory lock.
 */
import { applyMigrations, type Migration } from './apply-migrations.js';
import type { ScriptDatabase } from './database.js';

export type { Migration } from './apply-migrations.js';

const MIGRATION_FILE = /^\d{3,}_[a-z0-9_]+\.sql$/;

/** Reads the package's `migrations/*.sql` (Node only; the browser playground passes its own list). */
export async function loadMigrations(
  dir: URL = new URL('../../migrations/', import.meta.url),
): Promise<Migration[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const names = (await readdir(dir)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(new URL(name, dir), 'utf8') })));
}

/**
 * Applies the migrations not applied yet (default: the package's `migrations/` folder, read
 * from disk); returns the names it applied, in order.
 */
export async function migrate(db: ScriptDatabase, migrations?: readonly Migration[]): Promise<string[]> {
  return applyMigrations(db, migrations ?? (await loadMigrations()));
}
