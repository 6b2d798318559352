/**
 * `@chainkit/server`: the order server's building blocks. The Node entry (`node.ts`) and the
 * `chainkit` CLI wire them together; the docs playground uses `createApp` over PGlite.
 */
export { createApp, DEFAULT_MAX_BODY_BYTES, type CreateAppOptions } from './app.js';
export type { AppEnv, AppLogger } from './app-types.js';
export type { Database, Queryable, ScriptDatabase, ScriptQueryable } from './db/database.js';
export { openDatabase, type OpenDatabaseOptions } from './db/open-database.js';
export { openPglite, PgliteDatabase } from './db/pglite.js';
export { openPostgres, PostgresDatabase, type PostgresOptions } from './db/postgres.js';
export { loadMigrations, migrate, type Migration } from './db/migrate.js';
export { applyMigrations } from './db/apply-migrations.js';
export {
  DEFAULT_TIME_ZONE,
  parseStore,
  StoreFileError,
  type FactoryEndpoint,
  type PublishableKey,
  type StoreConfig,
  type StoreParseResult,
  type StoreProblem,
  type WebhookEndpoint,
} from './store/store-file.js';
export { loadStoreFile } from './store/load-store-file.js';
export {
  importCatalog,
  type ImportCatalogOptions,
  type ImportCatalogResult,
} from './catalog/import-catalog.js';
export { CatalogCache, type CurrentCatalog } from './catalog/current-catalog.js';
export { purgeExpiredIdempotencyKeys, IDEMPOTENCY_TTL_MS } from './orders/idempotency.js';
export type { RateLimitOptions } from './http/rate-limit.js';
export { ERROR_STATUS, type ErrorCode } from './http/errors.js';
export { openApiDocument } from './openapi/document.js';
