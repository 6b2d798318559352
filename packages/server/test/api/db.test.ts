import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open-database.js';
import { backends, useTestDb } from '../helpers/test-db.js';

describe.each(backends)('database on $name', (backend) => {
  const t = useTestDb(backend);

  it('has applied the migrations once, and running them again applies nothing', async () => {
    const { rows } = await t.db.query<{ name: string }>('select name from schema_migrations order by name');
    expect(rows.map((r) => r.name)).toContain('001_init.sql');
    expect(await migrate(t.db)).toEqual([]);
  });

  it('runs concurrent migrations without applying one twice', async () => {
    const extra = [
      {
        name: '999_probe.sql',
        sql: 'create table probe (id int primary key); insert into probe values (1);',
      },
    ];
    const results = await Promise.all([migrate(t.db, extra), migrate(t.db, extra), migrate(t.db, extra)]);
    expect(results.flat()).toEqual(['999_probe.sql']);
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from probe');
    expect(rows[0]?.n).toBe(1);
    await t.db.query('drop table probe');
    await t.db.query(`delete from schema_migrations where name = '999_probe.sql'`);
  });

  it('parses bigint as a number and date as YYYY-MM-DD', async () => {
    const { rows } = await t.db.query<{ big: number; day: string }>(
      `select 9007199254740991::bigint as big, '2025-03-04'::date as day`,
    );
    expect(rows[0]).toEqual({ big: 9007199254740991, day: '2025-03-04' });
    await expect(t.db.query(`select 9007199254740993::bigint as big`)).rejects.toThrow(/safe integer/);
  });

  it('rolls a transaction back when its work throws', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`insert into catalog_versions (doc, digest) values ('{}', 'x')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from catalog_versions');
    expect(rows[0]?.n).toBe(0);
  });

  it('never interleaves statements of concurrent transactions', async () => {
    await t.db.query(`create table if not exists counter (id int primary key, n int not null)`);
    await t.db.query(`insert into counter values (1, 0) on conflict (id) do update set n = 0`);
    // Read-then-write without row locks: only correct when transactions don't interleave (PGlite)
    // or when the row is locked (PostgreSQL: `for update`).
    await Promise.all(
      Array.from({ length: 20 }, () =>
        t.db.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>('select n from counter where id = 1 for update');
          await new Promise((resolve) => setTimeout(resolve, 1));
          await tx.query('update counter set n = $1 where id = 1', [(rows[0]?.n ?? 0) + 1]);
        }),
      ),
    );
    const { rows } = await t.db.query<{ n: number }>('select n from counter where id = 1');
    expect(rows[0]?.n).toBe(20);
    await t.db.query('drop table counter');
  });
});

describe('PGlite data directory', () => {
  it('keeps data across reopen and does not migrate twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chainkit-pglite-'));
    try {
      const first = await openDatabase(dir);
      await first.query(`insert into catalog_versions (doc, digest) values ('{"offers":[]}', 'd1')`);
      await first.close();
      const second = await openDatabase(dir);
      const { rows } = await second.query<{ digest: string }>('select digest from catalog_versions');
      expect(rows).toEqual([{ digest: 'd1' }]);
      const applied = await second.query<{ n: number }>('select count(*)::int as n from schema_migrations');
      expect(applied.rows[0]?.n).toBe((await loadMigrations()).length);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000); // two PGlite starts and an initdb: slow on a loaded 2-core machine
});
