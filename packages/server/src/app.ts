/**
 * The HTTP API as a Hono app built from injected parts. Platform-neutral: no Node APIs here
 * or in the routes (WebCrypto, `fetch` types only), so the same app runs under
 * `@hono/node-server` and, over PGlite, in a browser service worker for the docs playground.
 *
 * Layers, outermost first: request log → CORS (preflight, `Vary`, allow headers) → rate
 * limit per credential and IP → body limit → public routes (OpenAPI) → authentication and
 * the per-key origin check → routes. Every error leaves as `{ error: { code, message, details } }`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { silentLogger, type AppDeps, type AppEnv, type AppLogger } from './app-types.js';
import { CatalogCache } from './catalog/current-catalog.js';
import type { Database } from './db/database.js';
import { KeyRing } from './http/auth.js';
import { checkOrigin, corsMiddleware } from './http/cors.js';
import { ApiError, errorBody, renderError } from './http/errors.js';
import { RateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { factoriesRoutes } from './routes/factories.js';
import { factoryRoutes } from './routes/factory.js';
import { offersRoutes } from './routes/offers.js';
import { openapiRoutes } from './routes/openapi.js';
import { ordersRoutes } from './routes/orders.js';
import { quotesRoutes } from './routes/quotes.js';
import type { StoreConfig } from './store/store-file.js';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface CreateAppOptions {
  readonly db: Database;
  readonly store: StoreConfig;
  /** The time source for order dates, timestamps, idempotency expiry and rate limits. */
  readonly clock?: () => Date;
  /** A pino logger fits; default silent. */
  readonly logger?: AppLogger;
  /** Token-bucket settings per credential and client IP, or `false` to turn rate limiting off. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Largest request body in bytes (default 64 KiB); larger → 413 `payload_too_large`. */
  readonly maxBodyBytes?: number;
  /**
   * The client's IP for rate limiting. Default: the socket address `@hono/node-server`
   * exposes (`c.env.incoming.socket.remoteAddress`), else `"unknown"`. Behind a proxy pass
   * a function that reads the header the proxy sets.
   */
  readonly clientIp?: (c: Context) => string | undefined;
}

function defaultClientIp(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return typeof address === 'string' ? address : undefined;
}

export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const deps: AppDeps = {
    db: options.db,
    store: options.store,
    clock: options.clock ?? (() => new Date()),
    logger: options.logger ?? silentLogger,
    catalogs: new CatalogCache(),
    keys: new KeyRing(options.store),
  };
  const { logger, keys, clock } = deps;
  const limiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit);
  const clientIp = options.clientIp ?? defaultClientIp;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof ApiError) return renderError(c, error);
    if (error instanceof HTTPException) {
      if (error.status === 413) {
        return renderError(
          c,
          new ApiError('payload_too_large', `The request body is larger than ${maxBodyBytes} bytes`),
        );
      }
      return c.json(errorBody('invalid_request', error.message || 'Bad request'), 400);
    }
    // Log what identifies the failure, never request data: messages of driver errors are
    // about SQL, and parameters (which may hold buyer data) are not part of them.
    const err = error as { name?: string; message?: string; code?: string; stack?: string };
    logger.error(
      {
        err: { name: err.name, message: err.message, code: err.code, stack: err.stack },
        route: c.req.routePath,
      },
      'request failed',
    );
    return c.json(errorBody('internal_error', 'Something went wrong on our side; please retry'), 500);
  });

  app.notFound((c) => c.json(errorBody('not_found', 'No such endpoint'), 404));

  // Request log: route pattern (no ids or query strings), status, duration, caller kind.
  app.use('*', async (c, next) => {
    const started = Date.now();
    await next();
    const principal = c.get('principal');
    logger.info(
      {
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Date.now() - started,
        auth: principal?.kind ?? null,
        ...(principal?.kind === 'factory' ? { factoryId: principal.factoryId } : {}),
      },
      'request',
    );
  });

  app.use('*', corsMiddleware(keys.browserOrigins));

  // Until the credential is checked, an allowed browser may read what answers early
  // (429 with its Retry-After, 413), instead of seeing an opaque network error.
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    c.set('corsOrigin', origin !== undefined && keys.browserOrigins.has(origin) ? origin : undefined);
    await next();
  });

  if (limiter) {
    app.use('*', async (c, next) => {
      const id = `${keys.rateLimitIdentity(c.req.header('authorization'))}|${clientIp(c) ?? 'unknown'}`;
      const decision = limiter.take(id, clock().getTime());
      if (!decision.allowed) {
        throw new ApiError('rate_limited', 'Too many requests; retry after the time in Retry-After', null, {
          'Retry-After': String(decision.retryAfterSeconds),
        });
      }
      await next();
    });
  }

  app.use(
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError('payload_too_large', `The request body is larger than ${maxBodyBytes} bytes`);
      },
    }),
  );

  // Public: the API description.
  app.route('/v1', openapiRoutes());

  // Everything else needs a credential; browsers only with an allowed origin.
  app.use('/v1/*', async (c, next) => {
    c.set('principal', null);
    const origin = c.req.header('origin');
    // An allowed browser may read the 401 when the credential itself is bad.
    c.set('corsOrigin', origin !== undefined && keys.browserOrigins.has(origin) ? origin : undefined);
    const principal = keys.resolve(c.req.header('authorization'));
    c.set('principal', principal);
    // From here on the origin must suit this credential (403/401 without allow headers otherwise).
    c.set('corsOrigin', undefined);
    c.set('corsOrigin', checkOrigin(origin, principal, keys.browserOrigins));
    await next();
  });

  // No id can hold a NUL (PostgreSQL text cannot store it), and a query with one fails in the
  // database: a path with one names nothing, for every route at once.
  app.use('/v1/*', async (c, next) => {
    const path = c.req.path;
    if (path.includes('\u0000') || /%00/.test(path))
      throw new ApiError('not_found', 'No such resource: the path holds a NUL');
    await next();
  });

  app.route('/v1/offers', offersRoutes(deps));
  app.route('/v1/factories', factoriesRoutes(deps));
  app.route('/v1/quotes', quotesRoutes(deps));
  app.route('/v1/orders', ordersRoutes(deps));
  app.route('/v1/factory', factoryRoutes(deps));
  app.route('/v1/admin', adminRoutes(deps));

  return app;
}
