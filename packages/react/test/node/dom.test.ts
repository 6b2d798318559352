import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper without type declarations
import { launchChromium } from '../../../../scripts/chromium.mjs';

/**
 * `@chainkit/react` in a real browser: ../fixtures/dom-app.ts renders every component with
 * react-dom; it is bundled with Vite (as an app would be) and run in headless Chromium. Props
 * arrive as element properties of the right type, `publishableKey` becomes the store's `key`, and
 * each `chain-*` event reaches its `onChain…` React handler.
 */

const ORIGIN = 'http://chainkit-react.test';
const files = new Map<string, string>();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: fileURLToPath(new URL('../fixtures/', import.meta.url)),
    resolve: { conditions: ['source', 'module', 'browser', 'production'] },
    build: {
      write: false,
      minify: false,
      rollupOptions: {
        input: fileURLToPath(new URL('../fixtures/dom-app.ts', import.meta.url)),
        output: { entryFileNames: 'app.js' },
      },
    },
  });
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!('output' in result)) throw new Error('expected a finished build');
    for (const chunk of result.output) {
      files.set(`/${chunk.fileName}`, chunk.type === 'chunk' ? chunk.code : String(chunk.source));
    }
  }
  files.set(
    '/',
    '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>',
  );
  browser = (await launchChromium()) as Browser;
  page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = files.get(path);
    if (body === undefined) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: path === '/' ? 'text/html' : 'text/javascript', body });
  });
  // The fixture's API address is unreachable on purpose: fail its requests at once.
  await page.route('http://127.0.0.1:9/**', (route) => route.abort('connectionrefused'));
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => customElements.get('chain-order-status') !== undefined);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('@chainkit/react in Chromium', () => {
  it('sets props as typed element properties and publishableKey as the key', async () => {
    const seen = await page.evaluate(() => {
      const store = document.querySelector('chain-store')!;
      const catalog = document.querySelector('chain-catalog')!;
      return {
        storeKey: store.key,
        storeApi: store.api,
        storeClass: store.className,
        storeRefIsElement:
          (window as unknown as { storeRef: { current: unknown } }).storeRef.current === store,
        catalogOffersIsArray: Array.isArray(catalog.offers),
        catalogPageSize: catalog.pageSize,
        ladderQuantity: document.querySelector('chain-ladder-price')!.quantity,
        formRequired: document.querySelector('chain-order-form')!.required,
        cartStorageKey: document.querySelector('chain-cart')!.storageKey,
      };
    });
    expect(seen).toEqual({
      storeKey: 'pk_fixture',
      storeApi: 'http://127.0.0.1:9/v1/',
      storeClass: 'shop',
      storeRefIsElement: true,
      catalogOffersIsArray: true,
      catalogPageSize: 12,
      ladderQuantity: 120,
      formRequired: true,
      cartStorageKey: 'fixture-cart',
    });
  });

  it('renders a real, upgraded element', async () => {
    await page.waitForFunction(() =>
      document.querySelector('chain-money')?.shadowRoot?.textContent?.includes('1,155'),
    );
    const text = await page.evaluate(() =>
      document.querySelector('chain-money')!.shadowRoot!.textContent!.trim(),
    );
    expect(text).toMatch(/^CNY\s1,155\.00$/);
  });

  it("delivers the element's own event to its React handler", async () => {
    // An "add to cart" request from the page: <chain-cart> adds the line and itself fires
    // chain-cart-change, which must reach onChainCartChange.
    const change = await page.evaluate(() => {
      const log = (window as unknown as { received: { prop: string; target: string; detail: unknown }[] })
        .received;
      document.body.dispatchEvent(
        new CustomEvent('chain-cart-add', {
          detail: { offerId: 'off_1', skuId: 'sku_1', quantity: 3 },
          bubbles: true,
          composed: true,
        }),
      );
      return log.find((r) => r.prop === 'onChainCartChange');
    });
    expect(change).toMatchObject({
      target: 'chain-cart',
      detail: { count: 3, lines: [{ offerId: 'off_1', skuId: 'sku_1', quantity: 3 }] },
    });
  });

  it('maps every chain-* event to its onChain… prop', async () => {
    const received = await page.evaluate(() => {
      const log = (window as unknown as { received: { prop: string; type: string; target: string }[] })
        .received;
      log.length = 0;
      const events: [string, string][] = [
        ['chain-catalog', 'chain-offer-select'],
        ['chain-ladder-price', 'chain-quantity-change'],
        ['chain-order-form', 'chain-order-placed'],
        ['chain-cart', 'chain-cart-change'],
        ['chain-cart', 'chain-cart-checkout'],
        ['chain-order-status', 'chain-order-status-change'],
        ['chain-order-status', 'chain-order-status-error'],
      ];
      for (const [tag, type] of events) {
        document
          .querySelector(tag)!
          .dispatchEvent(new CustomEvent(type, { detail: { marker: type }, bubbles: true, composed: true }));
      }
      return log.map(({ prop, type, target }) => ({ prop, type, target }));
    });
    expect(received).toEqual([
      { prop: 'onChainOfferSelect', type: 'chain-offer-select', target: 'chain-catalog' },
      { prop: 'onChainQuantityChange', type: 'chain-quantity-change', target: 'chain-ladder-price' },
      { prop: 'onChainOrderPlaced', type: 'chain-order-placed', target: 'chain-order-form' },
      { prop: 'onChainCartChange', type: 'chain-cart-change', target: 'chain-cart' },
      { prop: 'onChainCartCheckout', type: 'chain-cart-checkout', target: 'chain-cart' },
      { prop: 'onChainOrderStatusChange', type: 'chain-order-status-change', target: 'chain-order-status' },
      { prop: 'onChainOrderStatusError', type: 'chain-order-status-error', target: 'chain-order-status' },
    ]);
  });
});
