// Web Test Runner middleware: serves the REAL order server (packages/server's `createApp`) under
// /real-api/*, in process, over an in-memory PGlite holding the demo store
// (examples/data/store.json) with test keys. Element tests use it to drive elements against the
// real API instead of msw:
//
//   <chain-store api="/real-api" key="pk_test_wtr_real">…</chain-store>
//
// The server is imported from packages/server/dist (Node cannot import its TypeScript sources
// here; `npm test` runs `tsc -b` first) and started lazily on the first /real-api request, so
// test runs that never use it pay nothing.
//
// Factory and secret keys are refused when a browser sends them (they carry an Origin header),
// as they should be. A test that needs to act as a factory's or the merchant's own server sends
// `X-Chainkit-Test-Server-Side: 1`; the proxy then drops Origin and Referer before forwarding,
// which is what a server-to-server call looks like.
import { readFile } from 'node:fs/promises';

const PREFIX = '/real-api';
export const REAL_API_KEY = 'pk_test_wtr_real';
export const REAL_API_SECRET = 'sk_test_wtr_real';
const STORE_FILE = new URL('../../../../examples/data/store.json', import.meta.url);
const SERVER_DIST = new URL('../../../server/dist/index.js', import.meta.url);

let started;

async function start(origin) {
  const server = await import(SERVER_DIST.href);
  const doc = JSON.parse(await readFile(STORE_FILE, 'utf8'));
  doc.keys = { publishable: [{ key: REAL_API_KEY, allowedOrigins: [origin] }], secret: REAL_API_SECRET };
  delete doc.webhooks;
  const parsed = server.parseStore(doc);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const db = await server.openDatabase('memory');
  await server.importCatalog(db, parsed.store.catalog);
  return server.createApp({ db, store: parsed.store, rateLimit: false });
}

function readRaw(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Koa middleware for the WTR dev server. */
export function realApiMiddleware() {
  return async (ctx, next) => {
    if (ctx.path !== PREFIX && !ctx.path.startsWith(`${PREFIX}/`)) return next();
    started ??= start(ctx.origin).catch((error) => {
      started = undefined;
      throw error;
    });
    let app;
    try {
      app = await started;
    } catch (error) {
      ctx.status = 503;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        error: {
          code: 'real_api_unavailable',
          message: `The in-process order server did not start (run "npx tsc -b" first): ${error.message}`,
          details: null,
        },
      });
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(ctx.req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    if (headers.get('x-chainkit-test-server-side') === '1') {
      headers.delete('origin');
      headers.delete('referer');
    }
    headers.delete('host');
    const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readRaw(ctx.req);
    const response = await app.request(ctx.originalUrl.slice(PREFIX.length) || '/', {
      method: ctx.method,
      headers,
      body,
    });
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'content-encoding') ctx.set(name, value);
    });
    ctx.body = Buffer.from(await response.arrayBuffer());
  };
}
