/**
 * Builds the real app over a test database, with a controllable clock and helpers that call
 * it in-process through Hono's `app.request` (a real `Request`/`Response` round trip).
 */
import type { Hono } from 'hono';
import { createApp, type CreateAppOptions } from '../../src/app.js';
import type { AppEnv } from '../../src/app-types.js';
import { importCatalog } from '../../src/catalog/import-catalog.js';
import type { Database } from '../../src/db/database.js';
import type { StoreConfig } from '../../src/store/store-file.js';
import { PK, testStore } from './test-store.js';

export interface TestClock {
  (): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-02T02:00:00.000Z'): TestClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (iso) => {
    now = new Date(iso).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export interface TestApp {
  readonly app: Hono<AppEnv>;
  readonly store: StoreConfig;
  readonly clock: TestClock;
  request(path: string, init?: RequestInit & { key?: string | null; origin?: string }): Promise<Response>;
  get(path: string, key?: string | null, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body: unknown, key?: string | null, headers?: Record<string, string>): Promise<Response>;
}

export async function setupApp(
  db: Database,
  options: Partial<Omit<CreateAppOptions, 'db' | 'clock'>> & {
    store?: StoreConfig;
    importCatalog?: boolean;
  } = {},
): Promise<TestApp> {
  const store = options.store ?? testStore();
  const clock = testClock();
  if (options.importCatalog !== false) await importCatalog(db, store.catalog);
  const app = createApp({ rateLimit: false, ...options, db, store, clock });
  const request: TestApp['request'] = (path, init = {}) => {
    const { key, origin, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (key !== null) headers.set('Authorization', `Bearer ${key ?? PK}`);
    if (origin !== undefined) headers.set('Origin', origin);
    return Promise.resolve(app.request(path, { ...rest, headers }));
  };
  return {
    app,
    store,
    clock,
    request,
    get: (path, key, headers = {}) => request(path, { method: 'GET', key, headers }),
    post: (path, body, key, headers = {}) =>
      request(path, {
        method: 'POST',
        key,
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

/** Reads a JSON response body with a loose type for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(response: Response): Promise<any> {
  return response.json();
}
