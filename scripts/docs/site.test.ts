/**
 * The built docs site (docs/dist) in headless Chromium, served under /docs/ with a strict
 * Content-Security-Policy (scripts/docs/static-server.ts):
 *
 * - a crawl from /docs/ opens every page it can reach and fails on a console error, an uncaught
 *   error, a CSP violation, a failed request or an HTTP error; every internal link (and `#anchor`)
 *   must resolve, and every Markdown page must be reached;
 * - each element page's generated table lists every public property of the element, per
 *   custom-elements.json and per the live class's `elementProperties`;
 * - axe finds no serious or critical violation on a sample of pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper without type declarations
import { launchChromium } from '../chromium.mjs';
import { publicProperties, readElements } from '../../docs/site/element-api.js';
import { ELEMENT_TAGS } from '../../docs/site/nav.js';
import { findPages } from '../../docs/site/pages.js';
import { missingFromTable } from './api-coverage.js';
import { docsDist, ensureDocsBuilt, repoRoot } from './build-docs.js';
import { serveDocs, type StaticServer } from './static-server.js';

let server: StaticServer;
let browser: Browser;

/** Everything that went wrong while one page loaded. */
interface Visit {
  readonly problems: string[];
  readonly links: string[];
  readonly ids: Set<string>;
}

async function visit(page: Page, url: string): Promise<Visit> {
  const problems: string[] = [];
  const record = (text: string): number => problems.push(text);
  page.on('console', (message) => {
    if (message.type() === 'error') record(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => record(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    record(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) record(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} by ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  // Pages with live examples (and the playground) load more after `load`: the elements' text
  // chunk, images, the in-browser database. Let them finish, and fail if they are going to.
  if (await page.evaluate(() => document.querySelector('[data-live-example], iframe') !== null)) {
    await page.waitForLoadState('networkidle');
  }
  // Examples that talk to the in-browser order server show their markup once it answers, and a
  // <chain-order-status> there gets a freshly placed order: wait for both.
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-live-api] > template') &&
      [...document.querySelectorAll('[data-live-api] [data-sample~="placed-order"]')].every(
        (element) => (element as HTMLElement & { order?: string }).order,
      ),
    null,
    { timeout: 90_000 },
  );
  // Every element in a live example rendered something (is defined and has shadow content).
  const blank = await page.evaluate(() =>
    [...document.querySelectorAll('[data-live-example] *')]
      .filter((element) => element.localName.startsWith('chain-'))
      .filter((element) => !customElements.get(element.localName) || !element.shadowRoot?.childElementCount)
      .map((element) => element.localName),
  );
  for (const tag of blank) record(`live example <${tag}> did not render`);
  // The generated HTML is well nested: nothing of the article spilled out of the layout.
  const stray = await page.evaluate(() =>
    document.querySelector('.site-body')
      ? [...document.body.children]
          .filter((child) => !child.matches('.skip-link, .site-header, .site-body, .site-footer'))
          .map((child) => child.outerHTML.slice(0, 80))
      : [],
  );
  for (const html of stray) record(`outside the layout: ${html}`);
  const { links, ids } = await page.evaluate(() => ({
    links: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
    ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
  }));
  return { problems, links, ids: new Set(ids) };
}

beforeAll(async () => {
  ensureDocsBuilt();
  server = await serveDocs(docsDist);
  browser = (await launchChromium()) as Browser;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('docs site', () => {
  it('every page loads cleanly and every internal link resolves', async () => {
    const start = `${server.url}/docs/`;
    const queue = [start];
    const seen = new Set(queue);
    const visited = new Map<string, Visit>();
    const anchors: { from: string; to: string; hash: string }[] = [];
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

    const crawl = async (url: string): Promise<void> => {
      const empty: Visit = { problems: [], links: [], ids: new Set() };
      const response = await fetch(url);
      if (!response.ok) problems.push(`${url}: HTTP ${response.status}`);
      if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('text/html')) {
        visited.set(url, empty);
        return;
      }
      const page = await context.newPage();
      const result = await visit(page, url);
      await page.close();
      visited.set(url, result);
      problems.push(...result.problems.map((problem) => `${url}: ${problem}`));
      for (const link of result.links) {
        const target = new URL(link);
        if (target.origin !== server.url) continue;
        if (!target.pathname.startsWith('/docs/')) {
          problems.push(`${url}: link outside the docs: ${target.pathname}`);
          continue;
        }
        if (target.hash) anchors.push({ from: url, to: target.origin + target.pathname, hash: target.hash });
        target.hash = '';
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
    };
    // Two pages at a time: most of a page's time is spent waiting, not computing.
    await new Promise<void>((done, fail) => {
      let active = 0;
      const pump = (): void => {
        while (active < 2 && queue.length > 0) {
          active += 1;
          crawl(queue.shift()!).then(() => {
            active -= 1;
            if (active === 0 && queue.length === 0) done();
            else pump();
          }, fail);
        }
      };
      pump();
    });
    await context.close();

    for (const { from, to, hash } of anchors) {
      const ids = visited.get(to)?.ids;
      const id = decodeURIComponent(hash.slice(1));
      if (ids && ids.size > 0 && !ids.has(id)) problems.push(`${from}: no #${id} on ${to}`);
    }
    // Every Markdown page is reachable from the home page.
    const reached = new Set([...visited.keys()].map((url) => new URL(url).pathname));
    const unreached = findPages(join(repoRoot, 'docs'))
      .map((page) => `/docs/${page.route}`)
      .filter((path) => !reached.has(path) && !(path === '/docs/index.html' && reached.has('/docs/')));
    expect(unreached, 'pages no link leads to').toEqual([]);
    expect(problems).toEqual([]);
  }, 600_000);

  it("lists every public property of each element in its page's table", async () => {
    const elements = readElements(join(repoRoot, 'packages/elements/custom-elements.json'));
    const page = await browser.newPage();
    const report: Record<string, { manifest: string[]; live: string[] }> = {};
    for (const tag of ELEMENT_TAGS) {
      const element = elements.get(tag);
      expect(element, `custom-elements.json describes <${tag}>`).toBeDefined();
      await page.goto(`${server.url}/docs/elements/${tag}.html`);
      await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
      const { listed, live } = await page.evaluate((name) => {
        const table = document.querySelector('table[data-api="properties"]');
        const cells = table ? [...table.querySelectorAll('tbody tr td:first-child code')] : [];
        const ctor = customElements.get(name) as unknown as {
          elementProperties: Map<PropertyKey, { state?: boolean }>;
        };
        const reactive = [...ctor.elementProperties]
          .filter(([key, options]) => typeof key === 'string' && !options.state && !key.startsWith('_'))
          .map(([key]) => key as string);
        return { listed: cells.map((cell) => cell.textContent ?? ''), live: reactive };
      }, tag);
      expect(live.length, `<${tag}> has reactive properties`).toBeGreaterThan(0);
      const fromManifest = publicProperties(element!).map((member) => member.name);
      report[tag] = {
        manifest: missingFromTable(fromManifest, listed),
        live: missingFromTable(live, listed),
      };
    }
    await page.close();
    const missing = Object.entries(report).filter(([, r]) => r.manifest.length > 0 || r.live.length > 0);
    expect(Object.fromEntries(missing)).toEqual({});
  }, 120_000);

  it('has no serious accessibility violations on a sample of pages (axe)', async () => {
    const axe = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const sample = [
      '/docs/',
      '/docs/zh-CN/getting-started/script-tag.html',
      '/docs/elements/chain-order-form.html',
      '/docs/guide/ladder-pricing.html',
      '/docs/reference/http-api.html',
    ];
    const page = await browser.newPage();
    const found: Record<string, string[]> = {};
    for (const path of sample) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      // Evaluated through DevTools, which the page's CSP does not govern.
      await page.evaluate(axe);
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: {
              run(
                context: Document,
                options: { resultTypes: string[] },
              ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id} (${violation.nodes.length})`);
      });
      if (violations.length > 0) found[path] = violations;
    }
    await page.close();
    expect(found).toEqual({});
  }, 120_000);
});

describe('missingFromTable', () => {
  it('names a public property the table leaves out', () => {
    expect(missingFromTable(['api', 'key', 'locale'], ['api', 'locale'])).toEqual(['key']);
    expect(missingFromTable(['api'], ['api', 'extra'])).toEqual([]);
  });
});
