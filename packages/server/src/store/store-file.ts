/**
 * The store file: the core's catalog document plus what only the server may know — API
 * keys, each factory's API key and webhook endpoint, the merchant's webhook, the time zone.
 *
 * ```json
 * { "currency": "CNY", "offers": […],
 *   "factories": [{ "id": "f-yiwu", "name": "…", "region": "CN-ZJ", "dailyCapacity": 500, "leadTimeDays": 2,
 *                   "apiKey": "fk_test_…", "webhookUrl": "https://…", "webhookSecret": "whsec_…" }],
 *   "keys": { "publishable": [{ "key": "pk_test_…", "allowedOrigins": ["https://shop.example"] }], "secret": "sk_test_…" },
 *   "webhooks": { "merchant": { "url": "https://…", "secret": "whsec_…" } },
 *   "timeZone": "Asia/Shanghai" }
 * ```
 *
 * A bad file is refused with every problem listed (path + message), the catalog's problems
 * (from `validateCatalog`) and the server's own together. The catalog kept in `StoreConfig`
 * has the factories' secrets stripped: it is what gets imported and served.
 */
import { validateCatalog, type Catalog } from '@chainkit/core';

export interface PublishableKey {
  /** `pk_…`; lives in the browser. */
  readonly key: string;
  /** Exact origins (`https://shop.example`, no path) allowed to use the key from a browser. */
  readonly allowedOrigins: readonly string[];
}

/** How the server reaches a factory and how the factory reaches the server. */
export interface FactoryEndpoint {
  readonly id: string;
  /** `fk_…`: the factory's key for the factory API. */
  readonly apiKey: string;
  /** Where `factory_order.created` webhooks go. */
  readonly webhookUrl: string;
  /** `whsec_…` + base64: the Standard Webhooks signing secret. */
  readonly webhookSecret: string;
}

export interface WebhookEndpoint {
  readonly url: string;
  readonly secret: string;
}

export interface StoreConfig {
  /** The catalog, validated, without any secret. */
  readonly catalog: Catalog;
  readonly keys: {
    readonly publishable: readonly PublishableKey[];
    /** `sk_…`: admin access; never leaves the server. */
    readonly secret: string;
  };
  /** One per catalog factory, in the catalog's order. */
  readonly factories: readonly FactoryEndpoint[];
  readonly webhooks: {
    /** Receives `order.status_changed`; `null` when not configured. */
    readonly merchant: WebhookEndpoint | null;
  };
  /** IANA time zone the order date is taken in; default `Asia/Shanghai`. */
  readonly timeZone: string;
}

export interface StoreProblem {
  /** Where in the file, e.g. `keys.publishable[0].allowedOrigins[1]`; `''` for the whole file. */
  readonly path: string;
  /** A sentence starting with the path, e.g. `keys.secret must be "sk_" followed by …`. */
  readonly message: string;
}

export type StoreParseResult =
  | { readonly ok: true; readonly store: StoreConfig }
  | { readonly ok: false; readonly problems: readonly StoreProblem[] };

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const SERVER_ONLY_FACTORY_FIELDS = ['apiKey', 'webhookUrl', 'webhookSecret'] as const;
const SERVER_ONLY_TOP_LEVEL = ['keys', 'webhooks', 'timeZone', '$schema'] as const;

const KEY_BODY = /^[A-Za-z0-9_-]{4,200}$/;
const WEBHOOK_SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

type Json = Record<string, unknown>;

/** A problem whose message is a sentence starting with its path, like the catalog's. */
function problem(path: string, text: string): StoreProblem {
  return { path, message: `${path === '' ? 'the store file' : path} ${text}` };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKey(value: unknown, prefix: string, path: string, problems: StoreProblem[]): value is string {
  if (typeof value !== 'string') {
    problems.push(problem(path, `must be a string starting with "${prefix}"`));
    return false;
  }
  if (!value.startsWith(prefix) || !KEY_BODY.test(value.slice(prefix.length))) {
    problems.push(
      problem(
        path,
        `must be "${prefix}" followed by at least 4 letters, digits, "_" or "-" (got a value starting with "${value.slice(0, 3)}")`,
      ),
    );
    return false;
  }
  return true;
}

function checkOrigin(value: unknown, path: string, problems: StoreProblem[]): value is string {
  if (typeof value !== 'string') {
    problems.push(problem(path, 'must be an origin string like "https://shop.example"'));
    return false;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(problem(path, `is not an origin like "https://shop.example" (got "${value}")`));
    return false;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value) {
    problems.push(
      problem(
        path,
        `must be an exact origin: scheme, host and optional port, no path or trailing slash (got "${value}")`,
      ),
    );
    return false;
  }
  return true;
}

function checkUrl(value: unknown, path: string, problems: StoreProblem[]): value is string {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return true;
    } catch {
      // reported below
    }
  }
  problems.push(problem(path, 'must be an http(s) URL'));
  return false;
}

function checkWebhookSecret(value: unknown, path: string, problems: StoreProblem[]): value is string {
  const match = typeof value === 'string' ? WEBHOOK_SECRET.exec(value) : null;
  let bytes = 0;
  if (match?.[1] !== undefined) {
    try {
      bytes = atob(match[1]).length;
    } catch {
      bytes = 0;
    }
  }
  if (bytes < 12) {
    problems.push(problem(path, 'must be "whsec_" followed by a base64 secret of at least 12 bytes'));
    return false;
  }
  return true;
}

function checkTimeZone(value: unknown, problems: StoreProblem[]): string {
  if (value === undefined) return DEFAULT_TIME_ZONE;
  if (typeof value === 'string' && value !== '') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return value;
    } catch {
      // reported below
    }
  }
  problems.push(problem('timeZone', 'must be an IANA time zone such as "Asia/Shanghai"'));
  return DEFAULT_TIME_ZONE;
}

/** The catalog part of the store document: everything but the server-only fields. */
function catalogPart(doc: Json): Json {
  const catalog: Json = {};
  for (const [name, value] of Object.entries(doc)) {
    if (!(SERVER_ONLY_TOP_LEVEL as readonly string[]).includes(name)) catalog[name] = value;
  }
  if (Array.isArray(doc.factories)) {
    catalog.factories = doc.factories.map((factory: unknown) => {
      if (!isObject(factory)) return factory;
      const copy: Json = { ...factory };
      for (const field of SERVER_ONLY_FACTORY_FIELDS) delete copy[field];
      return copy;
    });
  }
  return catalog;
}

/** Validates a parsed store document. Every problem is reported, not just the first. */
export function parseStore(doc: unknown): StoreParseResult {
  if (!isObject(doc))
    return { ok: false, problems: [{ path: '', message: 'the store file must be a JSON object' }] };
  const problems: StoreProblem[] = [];

  const validated = validateCatalog(catalogPart(doc));
  if (!validated.ok) problems.push(...validated.problems);

  const seenKeys = new Map<string, string>();
  const unique = (key: string, path: string): void => {
    const earlier = seenKeys.get(key);
    if (earlier !== undefined) problems.push(problem(path, `the same key is already used at ${earlier}`));
    else seenKeys.set(key, path);
  };

  // keys
  const publishable: PublishableKey[] = [];
  let secret = '';
  const keys = doc.keys;
  if (!isObject(keys)) {
    problems.push(problem('keys', 'must be an object with "publishable" and "secret"'));
  } else {
    if (!Array.isArray(keys.publishable) || keys.publishable.length === 0) {
      problems.push(problem('keys.publishable', 'must be a non-empty array of { key, allowedOrigins }'));
    } else {
      keys.publishable.forEach((entry: unknown, i) => {
        const path = `keys.publishable[${i}]`;
        if (!isObject(entry)) {
          problems.push(problem(path, 'must be an object { key, allowedOrigins }'));
          return;
        }
        const keyOk = checkKey(entry.key, 'pk_', `${path}.key`, problems);
        if (keyOk) unique(entry.key as string, `${path}.key`);
        const origins: string[] = [];
        if (!Array.isArray(entry.allowedOrigins)) {
          problems.push(problem(`${path}.allowedOrigins`, 'must be an array of origins (may be empty)'));
        } else {
          entry.allowedOrigins.forEach((origin: unknown, j) => {
            if (checkOrigin(origin, `${path}.allowedOrigins[${j}]`, problems)) origins.push(origin);
          });
        }
        if (keyOk) publishable.push({ key: entry.key as string, allowedOrigins: origins });
      });
    }
    if (checkKey(keys.secret, 'sk_', 'keys.secret', problems)) {
      secret = keys.secret;
      unique(secret, 'keys.secret');
    }
  }

  // factories' server-only fields
  const factories: FactoryEndpoint[] = [];
  if (Array.isArray(doc.factories)) {
    doc.factories.forEach((factory: unknown, i) => {
      if (!isObject(factory)) return; // validateCatalog reported it
      const path = `factories[${i}]`;
      const apiKeyOk = checkKey(factory.apiKey, 'fk_', `${path}.apiKey`, problems);
      if (apiKeyOk) unique(factory.apiKey as string, `${path}.apiKey`);
      const urlOk = checkUrl(factory.webhookUrl, `${path}.webhookUrl`, problems);
      const secretOk = checkWebhookSecret(factory.webhookSecret, `${path}.webhookSecret`, problems);
      if (apiKeyOk && urlOk && secretOk && typeof factory.id === 'string') {
        factories.push({
          id: factory.id,
          apiKey: factory.apiKey as string,
          webhookUrl: factory.webhookUrl as string,
          webhookSecret: factory.webhookSecret as string,
        });
      }
    });
  }

  // webhooks
  let merchant: WebhookEndpoint | null = null;
  if (doc.webhooks !== undefined) {
    if (!isObject(doc.webhooks)) {
      problems.push(problem('webhooks', 'must be an object like { "merchant": { "url", "secret" } }'));
    } else if (doc.webhooks.merchant !== undefined && doc.webhooks.merchant !== null) {
      const m = doc.webhooks.merchant;
      if (!isObject(m)) {
        problems.push(problem('webhooks.merchant', 'must be an object { url, secret }'));
      } else {
        const urlOk = checkUrl(m.url, 'webhooks.merchant.url', problems);
        const secretOk = checkWebhookSecret(m.secret, 'webhooks.merchant.secret', problems);
        if (urlOk && secretOk) merchant = { url: m.url as string, secret: m.secret as string };
      }
    }
  }

  const timeZone = checkTimeZone(doc.timeZone, problems);

  if (problems.length > 0 || !validated.ok) return { ok: false, problems };
  return {
    ok: true,
    store: {
      catalog: validated.catalog,
      keys: { publishable, secret },
      factories,
      webhooks: { merchant },
      timeZone,
    },
  };
}

/** Thrown by `loadStoreFile` (`load-store-file.ts`); `message` lists every problem, one a line. */
export class StoreFileError extends Error {
  readonly problems: readonly StoreProblem[];

  constructor(file: string, problems: readonly StoreProblem[]) {
    const lines = problems.map((p) => `  - ${p.message}`);
    super(
      `Store file ${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
    );
    this.name = 'StoreFileError';
    this.problems = problems;
  }
}
