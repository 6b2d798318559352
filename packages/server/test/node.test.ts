/**
 * startServer: static folders beside the API on one origin, catalog import only when the
 * store changed, an open database left open, and start-up errors.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open-database.js';
import type { ScriptDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer } from '../src/node.js';
import { loadStoreFile } from '../src/store/load-store-file.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const silent = createLogger({ level: 'silent' });

describe('startServer', () => {
  let db: ScriptDatabase;
  let server: RunningServer;
  let site: string;

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'chainkit-static-'));
    mkdirSync(join(site, 'guide'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>docs</title>');
    writeFileSync(join(site, 'guide', 'index.html'), '<!doctype html><title>guide</title>');
    db = await openDatabase('memory');
    server = await startServer({
      storeFile: join(repoRoot, 'examples/data/store.json'),
      database: db,
      port: 0,
      dispatch: false,
      handleSignals: false,
      logger: silent,
      staticRoots: {
        '/examples/': join(repoRoot, 'examples'),
        '/docs/': site,
        '/missing/': join(site, 'no-such-folder'),
      },
    });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await db.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('serves static folders beside the API on one origin', async () => {
    const image = await fetch(`${server.url}/examples/data/images/beanie-black.svg`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await image.text()).toContain('<svg');

    const docs = await fetch(`${server.url}/docs/guide/`);
    expect(await docs.text()).toContain('<title>guide</title>');

    const bare = await fetch(`${server.url}/docs`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/docs/');
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/examples/');

    // A folder without index.html is listed.
    const listing = await fetch(`${server.url}/examples/data/`);
    expect(listing.status).toBe(200);
    const html = await listing.text();
    expect(html).toContain('<a href="store.json">store.json</a>');
    expect(html).toContain('<a href="images/">images/</a>');

    expect((await fetch(`${server.url}/examples/data/nope.svg`)).status).toBe(404);
    expect((await fetch(`${server.url}/examples/data/nope/`)).status).toBe(404);
    expect((await fetch(`${server.url}/missing/x`)).status).toBe(404);
    // Percent-encoded traversal never leaves the folder.
    expect((await fetch(`${server.url}/examples/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/examples/..%2fpackage.json`)).status).toBe(404);

    const api = await fetch(`${server.url}/v1/offers?limit=1`, {
      headers: { authorization: 'Bearer pk_test_demo' },
    });
    expect(api.status).toBe(200);
  });

  it('imports the catalog at start only when the store changed', async () => {
    expect(server.catalog).toEqual({ version: 1, changed: true, offers: 44 });
    const store = await loadStoreFile(join(repoRoot, 'examples/data/store.json'));
    const same = await startServer({
      store,
      database: db,
      port: 0,
      dispatch: false,
      handleSignals: false,
      logger: silent,
    });
    await same.close();
    expect(same.catalog).toEqual({ version: 1, changed: false, offers: 44 });
    const fewer = { ...store, catalog: { ...store.catalog, offers: store.catalog.offers.slice(0, 40) } };
    const changed = await startServer({
      store: fewer,
      database: db,
      port: 0,
      dispatch: false,
      handleSignals: false,
      logger: silent,
    });
    await changed.close();
    expect(changed.catalog).toEqual({ version: 2, changed: true, offers: 40 });
    // An open database passed in is left open by close().
    expect((await db.query<{ n: number }>('select count(*)::int as n from offers')).rows[0]?.n).toBe(40);
  });

  it('refuses to start without a store, and on a port already taken', async () => {
    await expect(
      startServer({ database: db, port: 0, handleSignals: false, logger: silent }),
    ).rejects.toThrow(/needs a store/);
    const store = await loadStoreFile(join(repoRoot, 'examples/data/store.json'));
    const taken = Number(new URL(server.url).port);
    await expect(
      startServer({
        store,
        database: db,
        port: taken,
        dispatch: false,
        handleSignals: false,
        logger: silent,
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
