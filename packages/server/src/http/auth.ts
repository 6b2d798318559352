/**
 * Bearer authentication. Four kinds of credential:
 * - `pk_…` publishable key: browser-safe; catalog, quotes, placing orders; bound to its allowed origins;
 * - `sk_…` secret key: admin, and any order; server-to-server only;
 * - `fk_…` factory key: that factory's own sub-orders; server-to-server only;
 * - `ot_…` order access token: returned once when an order is placed; reads that one order.
 *
 * A secret or factory key that arrives with an `Origin` header (i.e. from a browser) is
 * refused with 401 even when it is valid: such a key has leaked into a web page.
 */
import type { Context } from 'hono';
import type { StoreConfig } from '../store/store-file.js';
import { ApiError } from './errors.js';

export type Principal =
  | { readonly kind: 'publishable'; readonly key: string; readonly allowedOrigins: ReadonlySet<string> }
  | { readonly kind: 'secret' }
  | { readonly kind: 'factory'; readonly factoryId: string }
  | { readonly kind: 'order_token'; readonly token: string };

export type PrincipalKind = Principal['kind'];

/** Prefix of order access tokens. */
export const ORDER_TOKEN_PREFIX = 'ot_';

const BEARER = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i;
const ORDER_TOKEN = /^ot_[A-Za-z0-9_-]{20,100}$/;

export class KeyRing {
  readonly #byKey = new Map<string, Principal>();
  /** Every origin any publishable key allows: what preflights and order-token reads accept. */
  readonly browserOrigins: ReadonlySet<string>;

  constructor(store: StoreConfig) {
    const origins = new Set<string>();
    for (const pk of store.keys.publishable) {
      this.#byKey.set(pk.key, {
        kind: 'publishable',
        key: pk.key,
        allowedOrigins: new Set(pk.allowedOrigins),
      });
      for (const origin of pk.allowedOrigins) origins.add(origin);
    }
    this.#byKey.set(store.keys.secret, { kind: 'secret' });
    for (const factory of store.factories)
      this.#byKey.set(factory.apiKey, { kind: 'factory', factoryId: factory.id });
    this.browserOrigins = origins;
  }

  /**
   * The principal for an `Authorization` header value: `null` when there is none; throws
   * 401 when it is malformed or names no key.
   */
  /**
   * Whose rate-limit bucket a request draws from: a known key's own, else one shared bucket
   * per kind. Unknown keys and order tokens share theirs, so a client cannot get a fresh
   * bucket by sending a new made-up credential with every request.
   */
  rateLimitIdentity(header: string | undefined): string {
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (token === undefined) return 'anonymous';
    const known = this.#byKey.get(token);
    if (known?.kind === 'publishable') return `pk:${known.key}`;
    if (known?.kind === 'factory') return `fk:${known.factoryId}`;
    if (known?.kind === 'secret') return 'sk';
    return ORDER_TOKEN.test(token) ? 'order_token' : 'anonymous';
  }

  resolve(header: string | undefined): Principal | null {
    if (header === undefined || header === '') return null;
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      throw new ApiError('unauthorized', 'Send the key as "Authorization: Bearer <key>"');
    }
    const known = this.#byKey.get(token);
    if (known) return known;
    if (ORDER_TOKEN.test(token)) return { kind: 'order_token', token };
    throw new ApiError('unauthorized', 'Unknown API key');
  }
}

/**
 * Requires one of `kinds`; 401 when there is no credential or another kind.
 * Returns the principal narrowed to the accepted kinds.
 */
export function requirePrincipal<K extends PrincipalKind>(
  principal: Principal | null,
  kinds: readonly K[],
): Extract<Principal, { kind: K }> {
  if (principal === null) {
    throw new ApiError('unauthorized', 'Missing API key: send "Authorization: Bearer <key>"');
  }
  if (!(kinds as readonly PrincipalKind[]).includes(principal.kind)) {
    throw new ApiError('unauthorized', `This endpoint needs a ${kinds.map(describeKind).join(' or ')}`);
  }
  return principal as Extract<Principal, { kind: K }>;
}

function describeKind(kind: PrincipalKind): string {
  switch (kind) {
    case 'publishable':
      return 'publishable key (pk_…)';
    case 'secret':
      return 'secret key (sk_…)';
    case 'factory':
      return 'factory key (fk_…)';
    case 'order_token':
      return "order's access token";
  }
}

/** The `Origin` a browser sent, if any (`null` origins from sandboxed frames count as browser origins). */
export function requestOrigin(c: Context): string | undefined {
  return c.req.header('origin');
}
