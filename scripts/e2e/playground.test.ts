/**
 * End to end, in headless Chromium: the docs playground (docs/playground/), built with the docs
 * site's own Vite config into a temporary folder and served under /docs/ from 127.0.0.1 by the
 * docs tests' static server (with its strict Content-Security-Policy header).
 *
 * No order server runs: the playground starts the server's app over PGlite in the page, and
 * msw's service worker answers the preview frame's API requests with it. Checked: editing the
 * HTML re-renders the preview; the locale switches the elements' language; an order placed in
 * the preview returns a confirmation with its factory sub-order; a copied URL restores the same
 * state in a fresh browser; HTML with scripts and handlers in a link does not run. Console
 * errors, page errors, failed requests and CSP violations are collected on every page and must
 * stay empty.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper without type declarations
import { launchChromium } from '../chromium.mjs';
import { serveDocs, type StaticServer } from '../docs/static-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let outDir: string;
let server: StaticServer;
let origin: string;
let browser: Browser;

interface Problems {
  readonly errors: string[];
}

async function openPlayground(
  context: BrowserContext,
  hash = '',
): Promise<{ page: Page; problems: Problems; preview: () => Promise<Frame> }> {
  const page = await context.newPage();
  const problems: Problems = { errors: [] };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} by ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A preview re-rendered (a preset, a restored state) removes its elements, and they abort
    // the API reads still in flight: cancelled on purpose, not failed.
    if (reason === 'net::ERR_ABORTED' && request.url().includes('/playground-api/')) return;
    problems.errors.push(`failed: ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    // The API answers 4xx by design in some flows; the site's own files must not.
    if (response.status() >= 400 && !response.url().includes('/playground-api/')) {
      problems.errors.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.goto(`${origin}/docs/playground/${hash}`);
  const preview = async (): Promise<Frame> => {
    await page.locator('iframe.pg-frame[data-rendered]').waitFor({ timeout: 90_000 });
    const frame = page.frames().find((f) => f.url().includes('/playground/preview.html'));
    if (!frame) throw new Error('no preview frame');
    return frame;
  };
  return { page, problems, preview };
}

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe's WCAG 2 A/AA violations in `target`, as `rule: selectors`. */
async function axeViolations(target: Page | Frame): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the pages' CSP does not govern.
  await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

/** The hash the playground writes for a state (`#s=` + base64url of deflate-raw JSON). */
function hashFor(state: unknown): string {
  return `#s=${deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url')}`;
}

/** The state in a playground URL's hash, or `null`. */
function stateIn(url: string): unknown {
  const hash = new URL(url).hash;
  if (!hash.startsWith('#s=')) return null;
  return JSON.parse(inflateRawSync(Buffer.from(hash.slice(3), 'base64url')).toString('utf8'));
}

/** Waits until the preview has rendered more often than `before`. */
async function renderedAfter(page: Page, before: number): Promise<void> {
  await expect
    .poll(async () => Number(await page.locator('iframe.pg-frame').getAttribute('data-rendered')), {
      timeout: 10_000,
    })
    .toBeGreaterThan(before);
}

async function renderCount(page: Page): Promise<number> {
  return Number(await page.locator('iframe.pg-frame').getAttribute('data-rendered'));
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'chainkit-playground-'));
  // A fresh build of the current sources, in a child process: the docs config loads workspace
  // modules natively, which the test runner's module conditions would break.
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const args = [
    vite,
    'build',
    '--config',
    'docs/vite.config.ts',
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'error',
  ];
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', (exit) => done({ code: exit, output: text }));
  });
  if (code !== 0) throw new Error(`building the docs failed (exit ${code}):\n${output}`);
  server = await serveDocs(outDir);
  origin = server.url;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('docs playground', () => {
  it('re-renders on edits, switches the language, and places an order with factory sub-orders', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems, preview } = await openPlayground(context);
    const frame = await preview();
    // The default preset is the full storefront: the catalog loads its cards from the in-page server.
    await expect
      .poll(() => frame.locator('chain-catalog [part~="card"]').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    const bootMs = Number(await page.locator('html').getAttribute('data-api-ms'));
    console.log(`playground: in-browser server ready in ${bootMs} ms`);
    // axe (WCAG 2 A/AA) on the playground page and on the storefront in the preview.
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(frame)).toEqual([]);

    // Editing re-renders: a heading typed into the editor appears in the preview.
    let before = await renderCount(page);
    await page.locator('#editor').fill('<h2 id="hello">Hello from the editor</h2>');
    await renderedAfter(page, before);
    await expect.poll(() => frame.locator('#hello').textContent()).toBe('Hello from the editor');

    // Editor keys: Tab indents, Shift+Tab outdents, Ctrl+Enter runs at once, Escape then Tab leaves.
    const editor = page.locator('#editor');
    await editor.press('Home');
    await editor.press('Tab');
    expect(await editor.inputValue()).toBe('  <h2 id="hello">Hello from the editor</h2>');
    await editor.press('Shift+Tab');
    expect(await editor.inputValue()).toBe('<h2 id="hello">Hello from the editor</h2>');
    before = await renderCount(page);
    await editor.press('Control+Enter');
    await renderedAfter(page, before);
    await editor.press('Escape');
    await editor.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('editor');

    // The order-status preset (an order form and an order status), in English, then in Chinese.
    before = await renderCount(page);
    await page.locator('#preset').selectOption('order-status');
    await renderedAfter(page, before);
    const form = frame.locator('chain-order-form');
    const submit = form.locator('[part~="submit"]');
    await expect.poll(() => submit.textContent(), { timeout: 30_000 }).toContain('Place order');
    before = await renderCount(page);
    await page.locator('#locale').selectOption('zh-CN');
    await renderedAfter(page, before);
    await expect.poll(() => submit.textContent(), { timeout: 30_000 }).toContain('提交订单');
    expect(await frame.locator('html').getAttribute('lang')).toBe('zh-CN');

    // An order: two boxes of socks (the MOQ, 24 pairs), the buyer, submit → confirmation with the
    // factory sub-order, priced by the server's ladder.
    await form.locator('input[data-sku="wool-blend-socks-charcoal"]').fill('24');
    const field = (name: string) => form.locator(`[part~="field-input"][name="${name}"]`);
    await field('buyer.name').fill('王小明');
    await field('buyer.phone').fill('+86 138 0013 8000');
    await field('shipTo.region').fill('CN-ZJ');
    await field('shipTo.city').fill('义乌');
    await field('shipTo.line1').fill('稠州北路 88 号');
    await submit.click();
    await form.locator('[part~="confirmation"]').waitFor({ timeout: 30_000 });
    expect((await form.locator('[part~="order-number"]').textContent())?.trim()).toMatch(/ord_/);
    await expect.poll(() => form.locator('[part~="factory-order"]').count()).toBe(1);
    expect(await form.locator('[part~="factory-order"]').textContent()).toMatch(/诸暨|Zhuji/);
    // 24 pairs × ¥6.80.
    expect(await form.locator('[part~="order-total"]').textContent()).toContain('163.20');

    // The page glue hands the order to <chain-order-status>; the playground plays the factory.
    const status = frame.locator('chain-order-status');
    await expect.poll(() => status.getAttribute('order')).toMatch(/^ord_/);
    await status.locator('[part~="sub-order"]').waitFor({ timeout: 30_000 });
    await page.locator('#factories').click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('accepted 1 and shipped 0');
    await page.locator('#factories').click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('accepted 0 and shipped 1');
    // The status element polls every 5 s (the preset's refresh="5").
    await expect
      .poll(() => status.locator('[part~="tracking"]').first().textContent(), { timeout: 30_000 })
      .toMatch(/SF\d+/);

    expect(problems.errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('restores the same state from a copied URL, in a fresh browser', async () => {
    const first = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, problems, preview } = await openPlayground(first);
    await preview();
    await page.locator('#preset').selectOption('ladder');
    await page.locator('#locale').selectOption('zh-CN');
    await page.locator('#theme').selectOption('dark');
    await page.locator('#accent').fill('#2255aa');
    await page.locator('#editor').press('End');
    await page.locator('#editor').pressSequentially('<p id="mine">mine</p>');
    const html = await page.locator('#editor').inputValue();
    expect(html).toContain('<p id="mine">mine</p>');
    // The URL follows each change shortly after it (debounced, compressed asynchronously).
    await expect
      .poll(() => (stateIn(page.url()) as { html?: string } | null)?.html, { timeout: 15_000 })
      .toBe(html);
    const url = page.url();
    // The embed code: the script tag, the merchant's server instead of the playground API, the locale.
    await page.locator('#copy-embed').click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toBe('Embed code copied to the clipboard.');
    const embed = await page.evaluate(() => navigator.clipboard.readText());
    expect(embed).toContain('<script src="https://YOUR-SERVER/cdn/chainkit.js" defer></script>');
    expect(embed).toContain(
      '<chain-store api="https://YOUR-SERVER" key="pk_test_demo" locale="zh-CN" currency="CNY">',
    );
    expect(embed).toContain('--chain-color-primary: #2255aa;');
    expect(embed).toContain('<p id="mine">mine</p>');
    expect(problems.errors).toEqual([]);
    await first.close();

    const second = await browser.newContext();
    const fresh = await openPlayground(second, new URL(url).hash);
    const frame = await fresh.preview();
    expect(await fresh.page.locator('#preset').inputValue()).toBe('ladder');
    expect(await fresh.page.locator('#locale').inputValue()).toBe('zh-CN');
    expect(await fresh.page.locator('#theme').inputValue()).toBe('dark');
    expect(await fresh.page.locator('#accent').inputValue()).toBe('#2255aa');
    expect(await fresh.page.locator('#editor').inputValue()).toBe(html);
    await expect.poll(() => frame.locator('#mine').textContent()).toBe('mine');
    expect(await frame.locator('html').getAttribute('class')).toContain('chain-theme-dark');
    expect(await frame.locator('chain-store').getAttribute('locale')).toBe('zh-CN');
    await expect
      .poll(() => frame.locator('chain-ladder-price [part~="tier"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(1);
    expect(fresh.problems.errors).toEqual([]);
    await second.close();
  }, 120_000);

  it('renders HTML from a link only through the sanitizer: no script or handler runs', async () => {
    const attack = [
      '<h2 id="safe">Still here</h2>',
      '<img src="data:image/png;base64,AAAA" alt="" onerror="window.top.__pwned = \'img\'">',
      '<script>window.top.__pwned = "script"</script>',
      '<chain-money amount="100" currency="CNY" onclick="window.top.__pwned = \'click\'"></chain-money>',
      '<a id="js" href="javascript:window.top.__pwned=\'link\'">link</a>',
      '<svg><script>window.top.__pwned = "svg"</script></svg>',
      '<iframe srcdoc="<script>parent.parent.__pwned=1</script>"></iframe>',
    ].join('\n');
    const hash = hashFor({
      preset: 'catalog',
      html: attack,
      settings: { locale: 'en', currency: 'CNY', theme: 'light', accent: '#c2410c', radius: 6 },
    });
    const context = await browser.newContext();
    const { page, problems, preview } = await openPlayground(context, hash);
    const frame = await preview();
    await expect.poll(() => frame.locator('#safe').textContent()).toBe('Still here');
    await frame.locator('chain-money').click();
    await frame.locator('#js').click();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const dom = await frame.locator('#preview-root').innerHTML();
    expect(dom).not.toMatch(/onerror|onclick|<script|javascript:|<iframe|<svg/i);
    // The editor shows the HTML as text (it is not run there either).
    expect(await page.locator('#editor').inputValue()).toBe(attack);
    // Chromium checks the page's CSP when DOMPurify's inert parse meets an `on…` attribute and
    // reports the (blocked, never run) handler; the sanitizer then drops it. Those reports are
    // expected here; nothing else may go wrong.
    const cspOnParse = /inline event handler violates|CSP violation: script-src-attr/;
    expect(problems.errors.filter((e) => !cspOnParse.test(e))).toEqual([]);
    await context.close();
  }, 120_000);
});
