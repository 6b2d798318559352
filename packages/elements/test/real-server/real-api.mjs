// Web Test Runner middleware: serves the REAL order server (packages/server's `createApp`) under
// /real-api/*, over an in-memory PGlite holding the demo store (examples/data/store.json) with
// test keys. Element tests use it to drive elements against the real API instead of msw:
//
//   <chain-store api="/real-api" key="pk_test_wtr_real">…</chain-store>
//
// The server runs in a child process (real-api-server.mjs), started on the first /real-api
// request, so test runs that never use it pay nothing and PGlite's start-up never stalls the
// test runner. It is imported from packages/server/dist (Node cannot import the TypeScript
// sources here; `npm test` runs `tsc -b` first).
//
// Factory and secret keys are refused when a browser sends them with an Origin header, as they
// should be. A test that needs to act as a factory's or the merchant's own server sends
// `X-Chainkit-Test-Server-Side: 1`; the proxy then drops Origin and Referer before forwarding,
// which is what a server-to-server call looks like.
import { fork } from 'node:child_process';

const PREFIX = '/real-api';
export const REAL_API_KEY = 'pk_test_wtr_real';
export const REAL_API_SECRET = 'sk_test_wtr_real';
const SERVER_SCRIPT = new URL('./real-api-server.mjs', import.meta.url);
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

let started;

function start(origin) {
  return new Promise((resolve, reject) => {
    const child = fork(SERVER_SCRIPT, [origin, REAL_API_KEY, REAL_API_SECRET], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const stop = () => child.kill();
    process.once('exit', stop);
    child.once('message', (message) => {
      const port = /^PORT (\d+)$/.exec(String(message))?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
      else reject(new Error(`unexpected message from the real API server: ${message}`));
    });
    child.once('exit', (code) => {
      process.off('exit', stop);
      started = undefined;
      reject(new Error(`the real API server exited with code ${code}`));
    });
    child.once('error', reject);
  });
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
    started ??= start(ctx.origin);
    let base;
    try {
      base = await started;
    } catch (error) {
      started = undefined;
      ctx.status = 503;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        error: {
          code: 'real_api_unavailable',
          message: `The order server did not start (run "npx tsc -b" first): ${error.message}`,
          details: null,
        },
      });
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(ctx.req.headers)) {
      if (HOP_BY_HOP.has(name)) continue;
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    if (headers.get('x-chainkit-test-server-side') === '1') {
      headers.delete('origin');
      headers.delete('referer');
    }
    const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readRaw(ctx.req);
    const response = await fetch(`${base}${ctx.originalUrl.slice(PREFIX.length) || '/'}`, {
      method: ctx.method,
      headers,
      body,
    });
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') ctx.set(name, value);
    });
    ctx.body = Buffer.from(await response.arrayBuffer());
  };
}
