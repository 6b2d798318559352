/**
 * The Node server: opens the database (running migrations), imports the store's catalog
 * when it changed, serves the API (and optional static folders) with @hono/node-server,
 * runs the webhook dispatcher, and shuts down gracefully on SIGINT/SIGTERM: stop
 * accepting connections, let requests and deliveries in flight finish, close the database.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type CreateAppOptions } from './app.js';
import { resolveCdnSite } from './cdn.js';
import { importCatalog } from './catalog/import-catalog.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { assertDataDirFree, isDataDir, lockDataDir } from './data-dir-lock.js';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from './dispatch/dispatcher.js';
import { createLogger, type Logger } from './logger.js';
import { purgeExpiredIdempotencyKeys } from './orders/idempotency.js';
import { createStaticSite, type StaticRoots } from './static.js';
import { loadStoreFile } from './store/load-store-file.js';
import type { StoreConfig } from './store/store-file.js';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** The embedded database's default data directory, relative to the working directory. */
export const DEFAULT_DATA_DIR = './.chainkit-data';

/** Dispatcher settings a server may tune (tests shorten them). */
export type DispatchTuning = Partial<
  Pick<
    DispatcherOptions,
    | 'concurrency'
    | 'perDestinationConcurrency'
    | 'pollIntervalMs'
    | 'leaseMs'
    | 'timeoutMs'
    | 'fetch'
    | 'random'
  >
>;

export interface StartServerOptions {
  /** A store file to load and validate; or pass `store`. */
  readonly storeFile?: string;
  readonly store?: StoreConfig;
  /**
   * `memory`, a PGlite data directory, a `postgres://` URL, or an open database (which
   * `close()` leaves open). Default: `DATABASE_URL` when set, else `./.chainkit-data`.
   */
  readonly database?: string | Database;
  /** PostgreSQL only: the schema to use (created when missing). */
  readonly schema?: string;
  /** Default 8787; 0 picks a free port (see `url`). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Run the webhook dispatcher loop (default true). Several instances may all dispatch. */
  readonly dispatch?: boolean;
  readonly dispatcher?: DispatchTuning;
  /** URL prefix → folder, served beside the API, e.g. `{ '/examples/': 'examples' }`. */
  readonly staticRoots?: StaticRoots;
  /**
   * The folder served under `/cdn/` (the elements' browser build: `/cdn/chainkit.js`, see
   * `cdn.ts`). Default: `@chainkit/elements`' `dist-cdn/` when that package is installed and
   * built; `false` serves no `/cdn/`.
   */
  readonly cdn?: string | false;
  /** Default: a pino logger at `LOG_LEVEL` (info). */
  readonly logger?: Logger;
  readonly clock?: () => Date;
  /** Close gracefully on SIGINT/SIGTERM (default true). */
  readonly handleSignals?: boolean;
  /** Passed through to `createApp` (rate limits, body limit, client IP). */
  readonly app?: Omit<CreateAppOptions, 'db' | 'store' | 'clock' | 'logger'>;
  /** How long `close()` lets open requests finish before cutting connections (default 10 s). */
  readonly shutdownGraceMs?: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:8787` */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly db: Database;
  readonly store: StoreConfig;
  readonly dispatcher: Dispatcher | null;
  /** The folder served under `/cdn/` (`${url}/cdn/chainkit.js`), or null when none is. */
  readonly cdn: string | null;
  /** The catalog version in force and whether this start imported it. */
  readonly catalog: { readonly version: number; readonly changed: boolean; readonly offers: number };
  /** Stops accepting, finishes requests and deliveries in flight, closes the database. Idempotent. */
  close(): Promise<void>;
}

/** The database spec to use when none was given. */
export function defaultDatabase(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : DEFAULT_DATA_DIR;
}

/** A database spec for logs: a URL without its password. */
export function describeDatabase(spec: string): string {
  if (!/^[a-z]+:\/\//i.test(spec)) return spec === 'memory' ? 'PGlite (memory)' : `PGlite (${spec})`;
  try {
    const url = new URL(spec);
    if (url.password) url.password = '***';
    return `PostgreSQL (${url.toString()})`;
  } catch {
    return 'PostgreSQL';
  }
}

/** Opens a database spec, locking a PGlite data directory for this process. */
export async function openServerDatabase(
  spec: string,
  options: { schema?: string } = {},
): Promise<{ db: Database; release: () => void }> {
  if (!isDataDir(spec)) {
    const db = await openDatabase(spec, options.schema !== undefined ? { schema: options.schema } : {});
    return { db, release: () => undefined };
  }
  const dir = resolve(spec);
  // Refuse before opening: two processes on one PGlite directory would corrupt it.
  assertDataDirFree(dir);
  const db = await openDatabase(dir);
  try {
    return { db, release: lockDataDir(dir) };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const store = options.store ?? (options.storeFile ? await loadStoreFile(options.storeFile) : null);
  if (!store) throw new TypeError('startServer needs a store or a storeFile');
  const clock = options.clock ?? (() => new Date());
  const host = options.host ?? DEFAULT_HOST;
  const requestedPort = options.port ?? DEFAULT_PORT;

  const spec = typeof options.database === 'object' ? null : (options.database ?? defaultDatabase());
  const opened =
    spec === null
      ? { db: options.database as Database, release: () => undefined }
      : await openServerDatabase(spec, options.schema !== undefined ? { schema: options.schema } : {});
  const { db } = opened;
  const ownsDb = spec !== null;

  const cleanup: (() => Promise<void> | void)[] = [];
  const closeDb = async () => {
    opened.release();
    if (ownsDb) await db.close();
  };

  try {
    const imported = await importCatalog(db, store.catalog, { onlyIfChanged: true });
    logger.info(
      { catalogVersion: imported.version, changed: imported.changed, offers: imported.offers },
      imported.changed ? 'catalog imported' : 'catalog unchanged',
    );

    const app = createApp({ ...options.app, db, store, clock, logger });
    const site = options.staticRoots ? createStaticSite(options.staticRoots) : null;
    const cdn = resolveCdnSite(options.cdn);
    const server = createAdaptorServer({
      fetch: (request: Request, env: unknown) => {
        if (site || cdn) {
          const { pathname } = new URL(request.url);
          if (cdn?.matches(pathname)) return cdn.fetch(request);
          if (site?.matches(pathname)) return site.fetch(request, env);
        }
        return app.fetch(request, env as Record<string, unknown>);
      },
      hostname: host,
    }) as Server; // plain HTTP/1.1: no `createServer` option is passed
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(requestedPort, host, () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

    const dispatcher =
      options.dispatch === false
        ? null
        : createDispatcher({
            db,
            store,
            clock: { now: clock },
            logger,
            ...options.dispatcher,
          });
    dispatcher?.start();

    // Expired idempotency records (kept 24 h) are purged hourly; any instance may do it.
    const purge = setInterval(() => {
      purgeExpiredIdempotencyKeys(db, clock()).then(
        (n) => n > 0 && logger.info({ purged: n }, 'expired idempotency keys purged'),
        (error: unknown) => logger.warn({ err: String(error) }, 'idempotency purge failed'),
      );
    }, 3_600_000);
    purge.unref();

    let closing: Promise<void> | null = null;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        clearInterval(purge);
        for (const undo of cleanup) await undo();
        const grace = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
        grace.unref();
        const httpClosed = new Promise<void>((done) => server.close(() => done()));
        server.closeIdleConnections();
        await Promise.all([httpClosed, dispatcher?.stop()]);
        clearTimeout(grace);
        await closeDb();
        logger.info({}, 'server stopped');
      })();
      return closing;
    };

    if (options.handleSignals !== false) {
      let signalled = false;
      const onSignal = (signal: NodeJS.Signals) => {
        if (signalled) {
          logger.warn({ signal }, 'second signal: exiting now');
          process.exit(1);
        }
        signalled = true;
        logger.info({ signal }, 'shutting down');
        close().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: String(error) }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      cleanup.push(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      });
    }

    logger.info(
      { url, database: describeDatabase(spec ?? db.kind), dispatch: dispatcher !== null },
      'chainkit server listening',
    );
    return {
      url,
      port,
      host,
      db,
      store,
      dispatcher,
      cdn: cdn?.dir ?? null,
      catalog: imported,
      close,
    };
  } catch (error) {
    await closeDb().catch(() => undefined);
    throw error;
  }
}
