/** What the app's parts share: injected dependencies and the Hono environment. */
import type { Context } from 'hono';
import type { CatalogCache } from './catalog/current-catalog.js';
import type { Database } from './db/database.js';
import type { KeyRing, Principal } from './http/auth.js';
import type { StoreConfig } from './store/store-file.js';

/**
 * The logging the app does: structured, one object and a message. A pino logger fits.
 * The app logs ids, statuses, counts and timings, never buyer data or keys.
 */
export interface AppLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: AppLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface AppDeps {
  readonly db: Database;
  readonly store: StoreConfig;
  readonly clock: () => Date;
  readonly logger: AppLogger;
  readonly catalogs: CatalogCache;
  readonly keys: KeyRing;
}

export interface AppEnv {
  Variables: {
    /** The authenticated caller; `null` when the request carried no credential. */
    principal: Principal | null;
    /** The origin CORS approved for this request, echoed in `Access-Control-Allow-Origin`. */
    corsOrigin: string | undefined;
  };
}

export type AppContext = Context<AppEnv>;
