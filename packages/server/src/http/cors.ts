/**
 * CORS with exact origins, never `*` on keyed endpoints.
 *
 * A preflight carries no credentials, so it is answered from the origin alone: allowed when
 * any publishable key lists it. The real request then decides per key (in `app.ts`, after
 * authentication): a publishable key only from its own origins, an order token from any
 * listed origin, secret and factory keys never from a browser. An origin that is not
 * allowed gets 403 and no `Access-Control-Allow-Origin`. Every response has `Vary: Origin`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Principal } from './auth.js';
import { ApiError, errorBody } from './errors.js';

export const ALLOWED_METHODS = 'GET, POST, OPTIONS';
export const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
export const EXPOSED_HEADERS = 'Retry-After, Idempotency-Replayed';
export const PREFLIGHT_MAX_AGE = '600';

function appendVary(c: Context): void {
  const vary = c.res.headers.get('Vary');
  if (!vary) c.res.headers.set('Vary', 'Origin');
  else if (!/(^|,)\s*origin\s*(,|$)/i.test(vary)) c.res.headers.set('Vary', `${vary}, Origin`);
}

/**
 * The outer CORS layer: answers preflights, adds `Vary: Origin` everywhere and the allow
 * headers when the inner layers approved the origin (`c.get('corsOrigin')`).
 */
export function corsMiddleware(browserOrigins: ReadonlySet<string>): MiddlewareHandler<{
  Variables: { corsOrigin: string | undefined };
}> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (origin !== undefined && c.req.header('access-control-request-method') !== undefined) {
        if (!browserOrigins.has(origin)) {
          return c.json(errorBody('origin_not_allowed', 'This origin is not allowed'), 403, headers);
        }
        return c.body(null, 204, {
          ...headers,
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
        });
      }
      return c.body(null, 204, { ...headers, Allow: ALLOWED_METHODS });
    }
    await next();
    appendVary(c);
    const approved = c.get('corsOrigin');
    if (approved !== undefined && approved === origin) {
      c.res.headers.set('Access-Control-Allow-Origin', approved);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}

/**
 * Decides whether a browser request from `origin` may go on with `principal`; throws the
 * error to return otherwise. Returns the origin to echo in `Access-Control-Allow-Origin`
 * (undefined for a request without `Origin`).
 */
export function checkOrigin(
  origin: string | undefined,
  principal: Principal | null,
  browserOrigins: ReadonlySet<string>,
): string | undefined {
  if (origin === undefined) return undefined;
  if (principal?.kind === 'secret' || principal?.kind === 'factory') {
    throw new ApiError(
      'secret_key_in_browser',
      'Secret and factory keys must never be used from a browser; use a publishable key there',
    );
  }
  const allowed =
    principal?.kind === 'publishable' ? principal.allowedOrigins.has(origin) : browserOrigins.has(origin);
  if (!allowed) throw new ApiError('origin_not_allowed', 'This origin is not allowed for this key');
  return origin;
}
