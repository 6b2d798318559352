/**
 * End to end, in headless Chromium: the script-tag shop (examples/script-tag) against the real
 * order server on the embedded database (memory), with the factory receiver
 * (examples/factory-receiver) taking the webhooks.
 *
 * A buyer searches the catalog, opens the parka, fills the colour × size matrix across two
 * colours until the mixed batch reaches the 120+ tier (tier and total change on the way), places
 * the order and sees the confirmation with its factory sub-order; the receiver gets the signed
 * webhook, accepts and ships with a tracking number, and <chain-order-status> on the page shows
 * the order shipped. The page runs under its strict Content-Security-Policy; console errors,
 * page errors and CSP violations are collected and must stay empty.
 *
 * The same purchase then runs on the nonce-based strict-CSP variant a server-rendered site would
 * send ('strict-dynamic', a fresh nonce, no 'unsafe-inline'), again without a violation.
 *
 * Also: the loader included twice registers each element once, and the second copy warns once;
 * a site with its own copy of Lit keeps working beside Chainkit's; a Chinese page never shows the
 * widgets' English text first, even when every request is slow, loads the shop chunk with the
 * Chinese written in and no text chunk, and loads the English when it switches; a Chinese
 * order-tracking page (no shop element) loads the order status's chunks with the Chinese written
 * in, and no text chunk either; an English page loads the English shop chunk and the Chinese
 * text only when it switches.
 * Needs the browser build (packages/elements/dist-cdn) and /usr/bin/chromium.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunningServer } from '@chainkit/server/node';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error -- plain ESM helper without type declarations
import { launchChromium } from '../chromium.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  trackingNumberFor,
  type ReceiverJob,
  type RunningReceiver,
} from '../../examples/factory-receiver/receiver.mjs';
import { fillParkaMixedBatch, placeParkaOrder } from './purchase.js';
import { openPage as openPageIn, root, startDemoStack, type DemoStack, type Problems } from './helpers.js';

let stack: DemoStack;
let server: RunningServer;
let receiver: RunningReceiver;
let browser: Browser;

function openPage(
  path: string,
  before?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; problems: Problems }> {
  return openPageIn(browser, `${server.url}${path}`, before);
}

beforeAll(async () => {
  stack = await startDemoStack({ '/examples/': join(root, 'examples') });
  ({ server, receiver } = stack);
  if (!server.cdn) throw new Error('no browser build: run `npm run build:cdn -w @chainkit/elements`');
  browser = (await launchChromium()) as Browser;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Opens `path`, served as the page `html` (a test page the examples folder does not hold). */
function openHtml(path: string, html: string): Promise<{ page: Page; problems: Problems }> {
  return openPage(path, (p) =>
    p.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })),
  );
}

/** The files of the browser build the page has fetched so far, by name. */
function cdnFiles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/cdn/'))
      .map((path) => path.slice('/cdn/'.length)),
  );
}

/** A merchant site's own component, bundled with its own copy of Lit (an IIFE, like a site's build). */
async function bundleSiteComponent(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chainkit-site-'));
  const entry = join(dir, 'site.js');
  writeFileSync(
    entry,
    `import { LitElement, html } from 'lit';
     class ShopGreeting extends LitElement {
       static properties = { name: {} };
       render() { return html\`<p>Hello, \${this.name}</p>\`; }
     }
     customElements.define('shop-greeting', ShopGreeting);`,
  );
  try {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      resolve: { alias: { lit: resolve(root, 'node_modules/lit/index.js') } },
      build: { write: false, lib: { entry, formats: ['iife'], name: 'Site' }, minify: true },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Array<{
      output: Array<{ code?: string }>;
    }>;
    const code = outputs[0]?.output[0]?.code;
    if (!code) throw new Error('the site bundle came out empty');
    return code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The shop page as a server with a nonce-based policy renders it: its own `<meta>` policy
 * removed (the header carries the policy) and the nonce on every script and stylesheet.
 */
function withNonces(html: string, nonce: string): string {
  const out = html
    .replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, '')
    .replaceAll('<script ', `<script nonce="${nonce}" `)
    .replace(/<link rel="stylesheet"/g, `<link nonce="${nonce}" rel="stylesheet"`);
  if (out.includes('http-equiv="Content-Security-Policy"')) throw new Error('the page kept its meta policy');
  return out;
}

/**
 * The buyer's whole journey on the shop page: search, open the parka, fill two colours to the
 * 120+ tier (watching tier and total move), place the order, see the factory sub-order; then the
 * receiver accepts and ships it and <chain-order-status> shows it shipped with the tracking number.
 */
async function buyMixedBatchUntilShipped(page: Page): Promise<void> {
  page.setDefaultTimeout(30_000);
  // Only the loader and the site's own script are in the page; the loader fetched the elements.
  expect(await page.evaluate(() => window.Chainkit?.version)).toBe(
    JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8')).version,
  );

  // Search the catalog.
  await page.locator('chain-catalog [part~="search"]').fill('派克');
  const card = page.locator('chain-catalog [part~="list"] [part~="card"]', { hasText: '加厚棉服派克大衣' });
  await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => page.locator('chain-catalog [part~="list"] [part~="card"]').count()).toBe(1);

  // Open the offer: the order area shows the ladder and the matrix.
  await card.click();
  await expect.poll(() => page.locator('#offer').isVisible()).toBe(true);
  const form = await fillParkaMixedBatch(page);

  // Buyer and ship-to, then place the order; the confirmation shows its factory sub-order.
  await placeParkaOrder(form, { name: '王小明', city: '义乌', line1: '稠州北路 88 号' });

  // The factory got the signed webhook, accepted and shipped.
  const orderId = await page.locator('#order-status').getAttribute('order');
  expect(orderId).toMatch(/^ord_/);
  const job = (): ReceiverJob | undefined =>
    Object.values(receiver.jobs()).find((j) => j.orderId === orderId);
  await expect.poll(() => job()?.step, { timeout: 60_000, interval: 250 }).toBe('done');
  expect(job()?.factoryId).toBe('f-changshu-down');
  const trackingNumber = trackingNumberFor(job()?.id ?? '');

  // <chain-order-status> on the page follows the order until it is shipped, with the tracking number.
  await expect.poll(() => page.locator('#status').isVisible()).toBe(true);
  const status = page.locator('#order-status [part~="status"]');
  await expect
    .poll(() => status.getAttribute('data-status'), { timeout: 60_000, interval: 500 })
    .toBe('shipped');
  const tracking = page.locator('#order-status [part~="tracking"]');
  await expect.poll(() => tracking.first().textContent()).toContain(trackingNumber);
}

describe('script-tag shop, end to end', () => {
  let problems: Problems;

  it('searches, orders a mixed batch at the 120+ tier, and follows it until shipped', async () => {
    const opened = await openPage('/examples/script-tag/');
    problems = opened.problems;
    await buyMixedBatchUntilShipped(opened.page);
    expect(problems.errors).toEqual([]);
    await opened.page.close();
  }, 240_000);

  it('ran that purchase under the strict Content-Security-Policy without a violation', () => {
    expect(problems, 'the purchase test ran first').toBeDefined();
    expect(problems.csp).toEqual([]);
  });

  it('runs the same purchase on the nonce-based strict-CSP variant of the page, without a violation', async () => {
    // What a server that renders its pages sends: a fresh nonce per response in the header, on
    // each <script> and stylesheet, 'strict-dynamic' so the loader's chunks (imported by a
    // nonce-trusted script) may run, and no 'unsafe-inline' anywhere.
    const nonce = randomBytes(16).toString('base64');
    const policy = [
      `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      `style-src 'nonce-${nonce}'`,
      "default-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; ');
    const { page, problems: strict } = await openPage('/examples/script-tag/strict-csp.html', (p) =>
      p.route('**/examples/script-tag/strict-csp.html', (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          headers: { 'Content-Security-Policy': policy },
          body: withNonces(readFileSync(join(root, 'examples/script-tag/index.html'), 'utf8'), nonce),
        }),
      ),
    );
    // The policy really is the nonce one: an inline script without the nonce is refused.
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv]'))).toBeNull();
    await buyMixedBatchUntilShipped(page);
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.setAttribute('onclick', 'void 0');
      document.body.append(probe);
      probe.click();
    });
    await expect.poll(() => strict.csp.length).toBe(1);
    expect(strict.csp[0]).toContain('script-src');
    expect(strict.errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('works with the loader included twice: each element registered once, one warning', async () => {
    const { page, problems: twice } = await openHtml(
      '/examples/e2e-loader-twice.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8">
            <script src="/cdn/chainkit.js" defer></script>
            <script src="/cdn/chainkit.js?again" defer></script></head>
            <body><chain-money amount="1234500" currency="CNY" locale="zh-CN"></chain-money></body></html>`,
    );
    const money = page.locator('chain-money');
    await expect.poll(() => money.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('12,345.00');
    // A tag added later is loaded when it appears; define() loads one on request.
    await page.evaluate(() => document.body.append(document.createElement('chain-order-status')));
    await expect
      .poll(() => page.evaluate(() => customElements.get('chain-order-status') !== undefined))
      .toBe(true);
    await page.evaluate(() => window.Chainkit?.define('chain-store'));
    expect(await page.evaluate(() => customElements.get('chain-store') !== undefined)).toBe(true);
    expect(await page.evaluate(() => customElements.get('chain-cart'))).toBeUndefined();
    const standBack = twice.warnings.filter((text) => text.includes('stands back'));
    expect(standBack).toHaveLength(1);
    expect(twice.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('loader', () => {
  it("finds chain-* tags in the open shadow roots of the page's own elements", async () => {
    const { page, problems } = await openHtml(
      '/examples/e2e-shadow.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8">
            <script src="/cdn/chainkit.js" defer></script></head><body></body></html>`,
    );
    await expect.poll(() => page.evaluate(() => window.Chainkit?.version)).toBeDefined();
    const defined = (tag: string) => page.evaluate((name) => customElements.get(name) !== undefined, tag);
    // A page component rendering a Chainkit element in its shadow root, attached after the loader ran.
    await page.evaluate(() => {
      customElements.define(
        'shop-panel',
        class extends HTMLElement {
          connectedCallback(): void {
            const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
            root.innerHTML = '<chain-money amount="500" currency="CNY"></chain-money>';
          }
        },
      );
      document.body.append(document.createElement('shop-panel'));
    });
    await expect.poll(() => defined('chain-money')).toBe(true);
    // Later additions inside that shadow root are seen too.
    expect(await defined('chain-order-status')).toBe(false);
    await page.evaluate(() =>
      document.querySelector('shop-panel')?.shadowRoot?.append(document.createElement('chain-order-status')),
    );
    await expect.poll(() => defined('chain-order-status')).toBe(true);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
  it('registers the shop tags one frame apart, the store first, without shifting the page', async () => {
    // Each registration is written down with the number of frames rendered so far; every layout
    // shift with its time.
    const { page, problems } = await openPage('/examples/script-tag/', (p) =>
      p.addInitScript(() => {
        const log = {
          frames: 0,
          defines: [] as [string, number, number][],
          shifts: [] as [number, number][],
        };
        (window as unknown as { upgradeLog: typeof log }).upgradeLog = log;
        requestAnimationFrame(function tick() {
          log.frames += 1;
          requestAnimationFrame(tick);
        });
        const define = customElements.define.bind(customElements);
        customElements.define = (name, ctor, options) => {
          log.defines.push([name, log.frames, performance.now()]);
          define(name, ctor, options);
        };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
            log.shifts.push([entry.startTime, entry.value]);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      }),
    );
    await page.locator('chain-catalog [part~="card"]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const log = await page.evaluate(
      () =>
        (
          window as unknown as {
            upgradeLog: { defines: [string, number, number][]; shifts: [number, number][] };
          }
        ).upgradeLog,
    );
    const shop = log.defines.filter(([name]) =>
      ['chain-store', 'chain-catalog', 'chain-ladder-price', 'chain-order-form', 'chain-cart'].includes(name),
    );
    expect(shop.map(([name]) => name).sort()).toEqual([
      'chain-cart',
      'chain-catalog',
      'chain-ladder-price',
      'chain-order-form',
      'chain-store',
    ]);
    expect(shop[0]![0]).toBe('chain-store');
    const frames = shop.map(([, frame]) => frame);
    for (let i = 1; i < frames.length; i += 1) expect(frames[i]).toBeGreaterThan(frames[i - 1]!);
    // Space the page reserves with :not(:defined) holds until each element renders.
    const firstDefine = shop[0]![2];
    expect(log.shifts.filter(([time]) => time >= firstDefine)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('an English page', () => {
  it('loads the English shop chunk and no text; the Chinese text chunk when it switches', async () => {
    const { page, problems } = await openHtml(
      '/examples/e2e-english.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8">
            <script src="/cdn/chainkit.js" defer></script></head>
            <body><chain-store api="/" key="pk_test_demo" currency="CNY"><chain-cart></chain-cart></chain-store></body></html>`,
    );
    const cartLabel = page.locator('chain-cart [part~="toggle-label"]');
    await expect.poll(() => cartLabel.textContent(), { timeout: 30_000 }).toBe('Cart');
    const loaded = await cdnFiles(page);
    expect(loaded.filter((file) => /^shop-page-(?!zh-)/.test(file))).toHaveLength(1);
    expect(loaded.filter((file) => /^(?:shop-page-zh|zh-CN|en)-/.test(file))).toEqual([]);
    await page.locator('chain-store').evaluate((store) => store.setAttribute('locale', 'zh-CN'));
    await expect.poll(() => cartLabel.textContent()).toBe('进货单');
    expect((await cdnFiles(page)).filter((file) => file.startsWith('zh-CN-'))).toHaveLength(1);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('a Chinese page', () => {
  it('shows the widgets in Chinese from their first paint, even with slow requests, and switches to English', async () => {
    // Every chunk and API call 150 ms late; each frame, the cart's label is written down.
    const { page, problems } = await openPage('/examples/script-tag/', async (p) => {
      await p.route(/\/(cdn|v1)\//, async (route) => {
        await new Promise((done) => setTimeout(done, 150));
        await route.continue();
      });
      await p.addInitScript(() => {
        const labels: string[] = [];
        (window as unknown as { cartLabels: string[] }).cartLabels = labels;
        const look = (): void => {
          const label = document
            .querySelector('chain-cart')
            ?.shadowRoot?.querySelector('[part~="toggle-label"]')
            ?.textContent?.trim();
          if (label && labels.at(-1) !== label) labels.push(label);
          if (labels.length < 1 || performance.now() < 5_000) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
    });
    const labels = () => page.evaluate(() => (window as unknown as { cartLabels: string[] }).cartLabels);
    await expect.poll(labels, { timeout: 30_000 }).toContain('进货单');
    // Never "Cart" first: the shop chunk the loader chose has the Chinese written in.
    expect(await labels()).toEqual(['进货单']);
    const loaded = await cdnFiles(page);
    expect(loaded.filter((file) => file.startsWith('shop-page-zh-'))).toHaveLength(1);
    // No text chunk: neither the Chinese (in the code) nor the English (not shown).
    expect(loaded.filter((file) => /^(?:zh-CN|en)-/.test(file))).toEqual([]);

    // The page's EN switch loads the English text and the widgets show it; 中文 brings the Chinese back.
    const cartLabel = page.locator('chain-cart [part~="toggle-label"]');
    await page.locator('[data-lang="en"]').first().click();
    await expect.poll(() => cartLabel.textContent(), { timeout: 30_000 }).toBe('Cart');
    expect((await cdnFiles(page)).filter((file) => /^en-/.test(file))).toHaveLength(1);
    await expect
      .poll(() => page.locator('chain-catalog label[for="search"]').textContent())
      .toBe('Search offers');
    await page.locator('[data-lang="zh-CN"]').first().click();
    await expect.poll(() => cartLabel.textContent()).toBe('进货单');
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('a Chinese order-tracking page', () => {
  it('loads the order status with its Chinese in the code: no text chunk, no shop code, no English first', async () => {
    // What a buyer opens from an order link: one <chain-order-status>, no shop element. Each
    // frame, the element's text is written down.
    const { page, problems } = await openPage('/examples/e2e-status-zh.html', async (p) => {
      await p.route('**/examples/e2e-status-zh.html', (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
            <script src="/cdn/chainkit.js" defer></script></head>
            <body><chain-order-status></chain-order-status></body></html>`,
        }),
      );
      await p.addInitScript(() => {
        const texts: string[] = [];
        (window as unknown as { statusTexts: string[] }).statusTexts = texts;
        const look = (): void => {
          const text = document.querySelector('chain-order-status')?.shadowRoot?.textContent?.trim();
          if (text && texts.at(-1) !== text) texts.push(text);
          if (performance.now() < 5_000) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
    });
    const texts = () => page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    await expect.poll(texts, { timeout: 30_000 }).toContain('没有可显示的订单。');
    expect(await texts()).toEqual(['没有可显示的订单。']);
    // Exactly the Chinese split set's files for the tag: the loader, its entry and the shared
    // code, both with the Chinese written in.
    const manifest = JSON.parse(
      readFileSync(join(root, 'packages/elements/dist-cdn/manifest.json'), 'utf8'),
    ) as { chineseTags: Record<string, string>; files: Record<string, { imports?: string[] }> };
    const status = manifest.chineseTags['chain-order-status']!;
    const shared = manifest.files[status]!.imports ?? [];
    expect(shared.map((file) => file.replace(/-[\w-]{8}\.js$/, ''))).toEqual(['base-zh']);
    expect((await cdnFiles(page)).sort()).toEqual(['chainkit.js', status, ...shared].sort());
    // A shop element added later loads the shop code of the same set, with its Chinese.
    await page.evaluate(() => document.body.append(document.createElement('chain-cart')));
    const cartLabel = page.locator('chain-cart [part~="toggle-label"]');
    await expect.poll(() => cartLabel.textContent(), { timeout: 30_000 }).toBe('进货单');
    expect((await cdnFiles(page)).sort()).toEqual(
      [...new Set(['chainkit.js', status, ...shared, manifest.chineseTags['chain-cart']!])].sort(),
    );
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('another copy of Lit on the page', () => {
  it("works beside the site's own Lit components, each copy rendering its own elements", async () => {
    // The site's own bundle, built the way a merchant's build would: its own Lit inside.
    const siteBundle = await bundleSiteComponent();
    expect(siteBundle).toContain('shop-greeting');
    const { page, problems } = await openPage('/examples/e2e-two-lits.html', async (p) => {
      await p.route('**/examples/e2e-two-lits.html', (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
            <script src="/examples/e2e-site.js" defer></script>
            <script src="/cdn/chainkit.js" defer></script></head>
            <body><shop-greeting name="Yiwu"></shop-greeting>
            <chain-store api="/" key="pk_test_demo" locale="en" currency="CNY">
              <chain-ladder-price offer="padded-parka"></chain-ladder-price>
            </chain-store></body></html>`,
        }),
      );
      await p.route('**/examples/e2e-site.js', (route) =>
        route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: siteBundle }),
      );
    });
    await expect
      .poll(() => page.locator('shop-greeting').evaluate((el) => el.shadowRoot?.textContent ?? ''))
      .toContain('Hello, Yiwu');
    await expect
      .poll(() => page.locator('chain-ladder-price [part~="tier-current"]').count(), { timeout: 30_000 })
      .toBe(1);
    // Two copies really are on the page: each registers itself in Lit's global version list.
    expect(
      await page.evaluate(() => (window as { litHtmlVersions?: string[] }).litHtmlVersions?.length),
    ).toBe(2);
    // The site's component keeps updating with its own Lit after Chainkit's loaded.
    await page.locator('shop-greeting').evaluate((el) => el.setAttribute('name', 'Jinhua'));
    await expect
      .poll(() => page.locator('shop-greeting').evaluate((el) => el.shadowRoot?.textContent ?? ''))
      .toContain('Hello, Jinhua');
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('full bundle', () => {
  it('registers every element from one classic script; a loader after it stands back', async () => {
    const { page, problems } = await openHtml(
      '/examples/e2e-full-bundle.html',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
            <script src="/cdn/chainkit.full.js" defer></script>
            <script src="/cdn/chainkit.js" defer></script></head>
            <body><chain-money amount="99" currency="CNY"></chain-money></body></html>`,
    );
    await expect.poll(() => page.evaluate(() => customElements.get('chain-money') !== undefined)).toBe(true);
    const tags = [
      'chain-store',
      'chain-catalog',
      'chain-ladder-price',
      'chain-order-form',
      'chain-cart',
      'chain-order-status',
    ];
    expect(await page.evaluate((names) => names.filter((tag) => !customElements.get(tag)), tags)).toEqual([]);
    await expect
      .poll(() => page.locator('chain-money').evaluate((el) => el.shadowRoot?.textContent ?? ''))
      .toContain('0.99');
    // Only the loader's own file was fetched after the full bundle: it stood back.
    expect(
      problems.warnings.filter((text) => text.includes('loader v') && text.includes('stands back')),
    ).toHaveLength(1);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

declare global {
  interface Window {
    Chainkit?: { readonly version: string; define(...tags: string[]): Promise<void> };
  }
}
