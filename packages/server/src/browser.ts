/**
 * `@chainkit/server/browser`: the order server inside a web page, for the docs playground.
 *
 * The same Hono app (`createApp`), the same schema migrations and catalog import, over the same
 * storage layer (`PgliteDatabase`) on PGlite's browser build: pricing, quantity violations,
 * routing previews and order placement answer exactly as a real server does, with no server
 * running. Nothing here, nor anything it imports, uses Node APIs (no `node:*`, `pg`, `pino`).
 *
 * What a real server does and this does not: deliver webhooks (no dispatcher runs; the outbox
 * rows are written as usual and stay there), serve the CDN build and static files, rate-limit.
 *
 *     import { createInBrowserServer } from '@chainkit/server/browser';
 *     const server = await createInBrowserServer({ store: storeJson, migrations });
 *     const response = await server.fetch(new Request('https://api.example/v1/offers', …));
 */
import { PGlite } from '@electric-sql/pglite';
import { createApp } from './app.js';
import type { AppLogger } from './app-types.js';
import { importCatalog } from './catalog/import-catalog.js';
import { applyMigrations, type Migration } from './db/apply-migrations.js';
import { PgliteDatabase } from './db/pglite.js';
import { DATE_OID, INT8_OID, parseDate, parseInt8 } from './db/types.js';
import { parseStore, type StoreConfig } from './store/store-file.js';

export type { Migration } from './db/apply-migrations.js';
export type { StoreConfig } from './store/store-file.js';

export interface InBrowserServerOptions {
  /** The store document as parsed JSON (e.g. `examples/data/store.json`); validated here. */
  readonly store: unknown;
  /**
   * The schema migrations, `{ name, sql }` (the package's `migrations/*.sql`). A browser has no
   * file system, so the page bundles them, e.g. with Vite's
   * `import.meta.glob('…/migrations/*.sql', { query: '?raw', import: 'default', eager: true })`.
   */
  readonly migrations: readonly Migration[];
  /**
   * Where PGlite keeps its data: `'memory'` (default; gone with the page) or `'idb://name'`
   * (IndexedDB; orders survive reloads).
   */
  readonly dataDir?: string;
  /**
   * A gzipped tar of a PGlite data directory to start from (PGlite's `loadDataDir`), e.g. one
   * made at build time by {@link InBrowserServer.dumpDataDir} after the same migrations and
   * catalog: starting skips `initdb`, much the slowest part. The migrations and the catalog
   * import still run and bring an older snapshot up to date.
   */
  readonly dataDirArchive?: Blob;
  /** The time source for order dates and timestamps. */
  readonly clock?: () => Date;
  /** Where failed requests are logged; default silent. */
  readonly logger?: AppLogger;
}

export interface InBrowserServer {
  /** Answers one HTTP request exactly as the order server's app does. */
  fetch(request: Request): Promise<Response>;
  /** The validated store the app runs with. */
  readonly store: StoreConfig;
  /** The database's data directory as a gzipped tar, for `dataDirArchive`. */
  dumpDataDir(): Promise<Blob>;
  /** Closes the database; `fetch` must not be called afterwards. */
  close(): Promise<void>;
}

/** Thrown when the store document given to {@link createInBrowserServer} is not valid. */
export class InBrowserStoreError extends Error {
  constructor(messages: readonly string[]) {
    super(
      `The store document has ${messages.length} problem(s):\n${messages.map((m) => `  - ${m}`).join('\n')}`,
    );
    this.name = 'InBrowserStoreError';
  }
}

/**
 * Starts the order server in the page: opens PGlite, applies the migrations, imports the
 * store's catalog (only when it changed, so a persisted `idb://` database keeps its orders) and
 * builds the app with rate limiting off (every request comes from the one page).
 */
export async function createInBrowserServer(options: InBrowserServerOptions): Promise<InBrowserServer> {
  const parsed = parseStore(options.store);
  if (!parsed.ok) throw new InBrowserStoreError(parsed.problems.map((p) => p.message));
  const store = parsed.store;

  const dataDir = options.dataDir ?? 'memory';
  const db = new PgliteDatabase(
    await PGlite.create(dataDir === 'memory' ? undefined : dataDir, {
      // The server's own value parsers, as `openPglite` sets them.
      parsers: { [INT8_OID]: parseInt8, [DATE_OID]: parseDate },
      ...(options.dataDirArchive ? { loadDataDir: options.dataDirArchive } : {}),
    }),
  );
  try {
    await applyMigrations(db, options.migrations);
    await importCatalog(db, store.catalog, { onlyIfChanged: true });
  } catch (error) {
    await db.close();
    throw error;
  }

  const app = createApp({
    db,
    store,
    rateLimit: false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });

  return {
    store,
    fetch: async (request) => app.fetch(request),
    dumpDataDir: () => db.pglite.dumpDataDir('gzip'),
    close: () => db.close(),
  };
}
