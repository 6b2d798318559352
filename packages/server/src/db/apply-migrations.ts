/**
 * Applying schema migrations, platform-neutral (`migrate.ts` adds reading them from disk; the
 * browser entry gets them bundled): applied in name order, each once, each in
 * its own transaction together with its `schema_migrations` row. Every run takes a
 * transaction-scoped advisory lock first, so two instances starting at the same time on one
 * PostgreSQL apply each migration exactly once (the second waits, then finds nothing to do).
 */
import type { ScriptDatabase, ScriptQueryable } from './database.js';

export interface Migration {
  /** File name, e.g. `001_init.sql`; the order and the identity of a migration. */
  readonly name: string;
  readonly sql: string;
}

async function lock(tx: ScriptQueryable): Promise<void> {
  // Keyed by schema too, so test files that each use their own schema don't wait on each other.
  await tx.query(`select pg_advisory_xact_lock(hashtext('chainkit.migrate'), hashtext(current_schema()))`);
  await tx.exec(
    `create table if not exists schema_migrations (
       name text primary key,
       applied_at timestamptz not null default now()
     )`,
  );
}

/** Applies the migrations not applied yet; returns the names it applied, in order. */
export async function applyMigrations(
  db: ScriptDatabase,
  migrations: readonly Migration[],
): Promise<string[]> {
  const list = [...migrations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const applied: string[] = [];
  for (const migration of list) {
    const done = await db.transaction(async (tx) => {
      await lock(tx);
      const seen = await tx.query(`select 1 from schema_migrations where name = $1`, [migration.name]);
      if (seen.rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query(`insert into schema_migrations (name) values ($1)`, [migration.name]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
