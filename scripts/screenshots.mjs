#!/usr/bin/env node
/* global document, window -- used inside page.addInitScript / waitForFunction callbacks, which run in the page */
// npm run screenshots — a PNG of each Chainkit element in both locales (en, zh-CN) and both theme
// presets (light, dark), written to screenshots/ (gitignored) for reviewers.
//
// How: the real order server (packages/server/dist: createApp over in-memory PGlite, the demo
// store examples/data/store.json) and a page bundled with esbuild from the elements' TypeScript
// sources are served by one node:http server on a free 127.0.0.1 port; Debian's Chromium, driven
// by playwright-core, opens the page once per element × locale × theme. The page is served with
// the strict CSP of the elements' spec, so a CSP violation or a console error is reported too.
// A demo order is placed and moved along (one sub-order accepted and shipped) for
// <chain-order-status>. Elements whose folder or registration does not exist yet are skipped.
//
// Needs `npx tsc -b` first (for packages/server/dist). CJK text needs a CJK font
// (e.g. `apt-get install fonts-wqy-microhei` or `fonts-noto-cjk`); the script warns without one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CHROMIUM_PATH, launchChromium } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'screenshots');
const ELEMENTS_SRC = join(ROOT, 'packages/elements/src');
const SERVER_DIST = join(ROOT, 'packages/server/dist/index.js');
const STORE_FILE = join(ROOT, 'examples/data/store.json');
const KEY = 'pk_test_screenshots';
const CSP = "script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
const LOCALES = ['en', 'zh-CN'];
const THEMES = ['light', 'dark'];

/** Each element: its folder (skipped when missing) and its tag. The page builds the markup. */
const ELEMENTS = [
  { tag: 'chain-money', folder: 'money' },
  { tag: 'chain-catalog', folder: 'catalog' },
  { tag: 'chain-ladder-price', folder: 'ladder-price' },
  { tag: 'chain-order-form', folder: 'order-form' },
  { tag: 'chain-cart', folder: 'cart' },
  { tag: 'chain-order-status', folder: 'order-status' },
];

/** The page script: puts one element on the page, inside a <chain-store>, and says when it settled. */
const PAGE_SCRIPT = `
const params = new URLSearchParams(location.search);
const tag = params.get('tag');
const locale = document.documentElement.lang;
const stage = document.getElementById('stage');

function make(name, attributes = {}) {
  const el = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  return el;
}

/** Every shadow root under root, depth first. */
function* shadowRoots(root) {
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      yield el.shadowRoot;
      yield* shadowRoots(el.shadowRoot);
    }
  }
}

function busy() {
  for (const root of shadowRoots(document)) {
    if (root.querySelector('[aria-busy="true"], [part~="skeleton"], [part~="skeletons"], .skeleton')) return true;
  }
  return false;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function settle() {
  const started = performance.now();
  await sleep(300);
  while (busy() && performance.now() - started < 8000) await sleep(100);
  await sleep(300);
  await frame();
  await frame();
}

async function main() {
  if (!customElements.get(tag)) {
    window.__screenshot = { skipped: 'not defined' };
    return;
  }
  const store = make('chain-store', { api: '/api', key: ${JSON.stringify(KEY)}, locale, currency: 'CNY' });
  stage.append(store);
  let after = async () => {};
  switch (tag) {
    case 'chain-money': {
      const p = document.createElement('p');
      p.className = 'money-demo';
      p.append(make('chain-money', { amount: '1155000', currency: 'CNY' }), ' · ',
        make('chain-money', { amount: '1155000', currency: 'CNY', display: 'code' }), ' · ',
        make('chain-money', { amount: '98000', currency: 'USD' }), ' · ',
        make('chain-money', { amount: '1155', currency: 'JPY' }));
      store.append(p);
      break;
    }
    case 'chain-catalog':
      store.append(make('chain-catalog', { scroller: '' }));
      break;
    case 'chain-ladder-price':
      store.append(make('chain-ladder-price', { offer: 'down-puffer-short', quantity: '60' }));
      break;
    case 'chain-order-form':
      store.append(make('chain-order-form', { offer: 'down-puffer-short' }));
      break;
    case 'chain-cart': {
      const cart = make('chain-cart', { 'storage-key': 'chainkit:screenshots' });
      store.append(cart);
      after = async () => {
        cart.clear?.();
        cart.addLine?.({ offerId: 'down-puffer-short', skuId: 'down-puffer-short-black-m', quantity: 30 });
        cart.addLine?.({ offerId: 'down-puffer-short', skuId: 'down-puffer-short-navy-l', quantity: 12 });
        cart.addLine?.({ offerId: 'cable-knit-sweater', skuId: 'cable-knit-sweater-cream-m', quantity: 6 });
        await settle();
        await cart.show?.();
      };
      break;
    }
    case 'chain-order-status': {
      const order = await (await fetch('/demo-order.json')).json();
      const el = make('chain-order-status', { refresh: '0' });
      // Set as properties, not attributes: the access token stays out of the markup.
      el.order = order.id;
      el.token = order.accessToken;
      store.append(el);
      break;
    }
    default:
      store.append(make(tag));
  }
  await customElements.whenDefined(tag);
  await settle();
  await after();
  await settle();
  window.__screenshot = { ready: true };
}

main().catch((error) => {
  window.__screenshot = { error: String(error && error.stack || error) };
});
`;

const PAGE_CSS = `
html { background: var(--chain-color-surface, #fff); color: var(--chain-color-text, #1f2937); }
body { margin: 0; padding: 24px; font-family: var(--chain-font-family, system-ui, sans-serif); }
#stage { max-width: 960px; }
.money-demo { font-size: 1.25rem; }
`;

function pageHtml(locale, theme) {
  return `<!doctype html>
<html lang="${locale}" class="chain-theme-${theme}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Chainkit screenshot</title>
    <link rel="stylesheet" href="/themes/light.css">
    <link rel="stylesheet" href="/themes/${theme}.css">
    <link rel="stylesheet" href="/page.css">
    <script type="module" src="/main.js"></script>
  </head>
  <body><main id="stage"></main></body>
</html>`;
}

async function bundlePage(dir, present) {
  const entry = join(dir, 'entry.ts');
  const imports = present.map((e) => `import ${JSON.stringify(join(ELEMENTS_SRC, e.folder, 'define.ts'))};`);
  await writeFile(
    entry,
    [`import ${JSON.stringify(join(ELEMENTS_SRC, 'store/define.ts'))};`, ...imports, PAGE_SCRIPT].join('\n'),
  );
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source', 'browser'],
    tsconfig: join(ROOT, 'packages/elements/tsconfig.json'),
    write: false,
    logLevel: 'error',
    absWorkingDir: ROOT,
  });
  return result.outputFiles[0].text;
}

/** The real app over in-memory PGlite with the demo store, and a demo order moved along. */
async function startApi(origin) {
  const server = await import(SERVER_DIST);
  const doc = JSON.parse(await readFile(STORE_FILE, 'utf8'));
  doc.keys = { publishable: [{ key: KEY, allowedOrigins: [origin] }], secret: 'sk_test_screenshots' };
  delete doc.webhooks;
  const parsed = server.parseStore(doc);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const db = await server.openDatabase('memory');
  await server.importCatalog(db, parsed.store.catalog);
  const app = server.createApp({ db, store: parsed.store, rateLimit: false });

  const call = async (path, key, body, headers = {}) => {
    const response = await app.request(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const lines = [
    { skuId: 'down-puffer-short-black-m', quantity: 40 },
    { skuId: 'cable-knit-sweater-cream-m', quantity: 20 },
  ];
  const priced = await call('/v1/quotes', KEY, { lines }, { Origin: origin });
  const order = await call(
    '/v1/orders',
    KEY,
    {
      buyer: { name: 'Demo Buyer', phone: '+86 138 0000 0000' },
      shipTo: { country: 'CN', region: 'CN-ZJ', city: 'Hangzhou', line1: '1 Demo Road' },
      lines,
      expectedTotal: priced.subtotal,
    },
    { Origin: origin, 'Idempotency-Key': 'screenshots-demo-order' },
  );
  const first = order.factoryOrders[0];
  const factoryKey = parsed.store.factories.find((f) => f.id === first.factoryId).apiKey;
  await call(`/v1/factory/orders/${first.id}/accept`, factoryKey, {});
  await call(`/v1/factory/orders/${first.id}/ship`, factoryKey, {
    carrier: 'SF Express',
    trackingNumber: 'SF1400052361',
  });
  return { app, order: { id: order.id, accessToken: order.accessToken } };
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
}

async function main() {
  if (!existsSync(SERVER_DIST)) {
    console.error('packages/server/dist is missing: run "npx tsc -b" first.');
    process.exit(1);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROME_PATH.`);
    process.exit(1);
  }
  try {
    if (execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() === '') {
      console.warn(
        '! No CJK font installed: zh-CN text will show as boxes (apt-get install fonts-wqy-microhei).',
      );
    }
  } catch {
    // No fontconfig: nothing to check.
  }

  const present = ELEMENTS.filter((e) => existsSync(join(ELEMENTS_SRC, e.folder, 'define.ts')));
  for (const e of ELEMENTS)
    if (!present.includes(e)) console.log(`- ${e.tag}: skipped (no ${e.folder}/define.ts yet)`);

  const dir = await mkdtemp(join(tmpdir(), 'chainkit-screenshots-'));
  let http;
  let browser;
  let problems = 0;
  try {
    const script = await bundlePage(dir, present);
    let api;
    let listener;
    http = createServer(async (req, res) => {
      try {
        const url = new URL(req.url, 'http://127.0.0.1');
        if (url.pathname.startsWith('/api/')) {
          req.url = req.url.slice('/api'.length);
          return listener(req, res);
        }
        const send = (type, body, headers = {}) => {
          res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
          res.end(body);
        };
        if (url.pathname === '/') {
          const locale = url.searchParams.get('locale') ?? 'en';
          const theme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
          return send('text/html; charset=utf-8', pageHtml(locale, theme), {
            'Content-Security-Policy': CSP,
          });
        }
        if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
        if (url.pathname === '/main.js') return send('text/javascript; charset=utf-8', script);
        if (url.pathname === '/page.css') return send('text/css; charset=utf-8', PAGE_CSS);
        if (url.pathname === '/demo-order.json') return send('application/json', JSON.stringify(api.order));
        const theme = /^\/themes\/(light|dark)\.css$/.exec(url.pathname);
        if (theme)
          return send(
            'text/css; charset=utf-8',
            await readFile(join(ELEMENTS_SRC, 'themes', `${theme[1]}.css`)),
          );
        const image = /^\/examples\/data\/images\/([\w-]+\.svg)$/.exec(url.pathname);
        if (image) return send('image/svg+xml', await readFile(join(ROOT, 'examples/data/images', image[1])));
        res.writeHead(404).end();
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
    const port = await listen(http);
    const origin = `http://127.0.0.1:${port}`;
    const { getRequestListener } = await import('@hono/node-server');
    api = await startApi(origin);
    listener = getRequestListener(api.app.fetch);

    browser = await launchChromium();
    await rm(OUT, { recursive: true, force: true });
    await mkdir(OUT, { recursive: true });

    for (const { tag } of present) {
      for (const locale of LOCALES) {
        for (const theme of THEMES) {
          const page = await browser.newPage({ viewport: { width: 1024, height: 800 }, locale });
          const errors = [];
          page.on('pageerror', (error) => errors.push(error.message));
          page.on('console', (message) => {
            if (message.type() === 'error') errors.push(message.text());
          });
          await page.addInitScript(() => {
            document.addEventListener('securitypolicyviolation', (event) => {
              console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
            });
          });
          const query = new URLSearchParams({ tag, locale, theme });
          await page.goto(`${origin}/?${query}`);
          const state = await page
            .waitForFunction(() => window.__screenshot, undefined, { timeout: 20_000 })
            .then((handle) => handle.jsonValue())
            .catch(() => ({ error: 'timed out' }));
          const name = `${tag}-${locale}-${theme}.png`;
          if (state.skipped) {
            console.log(`- ${name}: skipped (${state.skipped})`);
          } else {
            await page.screenshot({ path: join(OUT, name), fullPage: true });
            const notes = [...(state.error ? [state.error] : []), ...errors];
            if (notes.length > 0) problems += 1;
            console.log(
              `${notes.length > 0 ? '!' : '✓'} ${name}${notes.length > 0 ? `\n    ${notes.join('\n    ')}` : ''}`,
            );
          }
          await page.close();
        }
      }
    }
  } finally {
    await browser?.close();
    http?.close();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`\nScreenshots in ${OUT}${problems > 0 ? ` — ${problems} with errors (see above)` : ''}`);
  // PGlite keeps the event loop alive; everything is written.
  process.exit(problems > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
