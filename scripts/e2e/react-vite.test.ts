/**
 * End to end, in headless Chromium: the React + Vite shop (examples/react-vite, built with its own
 * Vite config, using @chainkit/react) against the real order server on the embedded database
 * (memory), with the factory receiver (examples/factory-receiver) taking the webhooks.
 *
 * The same purchase as the script-tag shop's, through the React app's own router and state: the
 * buyer goes from the home page to the products, searches, opens the parka (the shop's route
 * `#/products/padded-parka`), fills the colour × size matrix across two colours until the mixed
 * batch reaches the 120+ tier (tier and total change on the way; the shop moves its ladder),
 * adds it to the cart (the shop's badge follows `onChainCartChange`), places the order and sees
 * the confirmation with its factory sub-order; the receiver gets the signed webhook, accepts and
 * ships with a tracking number; <ChainOrderStatus> (shown from `onChainOrderPlaced`) and the
 * shop's "Your orders" page show the order shipped. The page runs under its strict CSP; console
 * errors, page errors and CSP violations must stay empty.
 * Needs the packages built (`npm run build`) and /usr/bin/chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper without type declarations
import { launchChromium } from '../chromium.mjs';
import { trackingNumberFor, type ReceiverJob } from '../../examples/factory-receiver/receiver.mjs';
import { openPage, root, startDemoStack, type DemoStack } from './helpers.js';
import { fillParkaMixedBatch, placeParkaOrder } from './purchase.js';

const exampleDir = join(root, 'examples/react-vite');
let outDir: string;
let stack: DemoStack;
let browser: Browser;

beforeAll(async () => {
  // The shop as its own build makes it (its vite.config.ts, base /examples/react-vite/), into a
  // temporary folder so a developer's examples/react-vite/dist is left alone.
  outDir = mkdtempSync(join(tmpdir(), 'chainkit-react-vite-'));
  await build({
    root: exampleDir,
    configFile: join(exampleDir, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  stack = await startDemoStack({
    '/examples/': join(root, 'examples'),
    '/examples/react-vite/': outDir,
  });
  browser = (await launchChromium()) as Browser;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const shopHash = (page: Page) => page.evaluate(() => window.location.hash);

describe('React + Vite shop, end to end', () => {
  it('searches, orders a mixed batch at the 120+ tier, and follows it until shipped', async () => {
    const { page, problems } = await openPage(browser, `${stack.server.url}/examples/react-vite/`);
    page.setDefaultTimeout(30_000);

    // The shop's own router: home → products.
    await page.getByRole('link', { name: 'Browse the products' }).click();
    await expect.poll(() => shopHash(page)).toBe('#/products');

    // Search the catalog.
    await page.locator('chain-catalog [part~="search"]').fill('parka');
    const cards = page.locator('chain-catalog [part~="list"] [part~="card"]');
    const card = cards.filter({ hasText: 'Heavy padded parka' });
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => cards.count()).toBe(1);

    // Open the offer: onChainOfferSelect navigates to the product route.
    await card.click();
    await expect.poll(() => shopHash(page)).toBe('#/products/padded-parka');
    // Two colours to the 120+ tier; the shop moved its <ChainLadderPrice> along.
    const form = await fillParkaMixedBatch(page);

    // Into the cart: the shop's own badge follows onChainCartChange.
    await page.locator('#add-to-cart').click();
    await expect.poll(() => page.locator('#cart-count').textContent()).toBe('120 pieces in the cart');

    // Buyer and ship-to, then place the order; the confirmation shows its factory sub-order.
    await placeParkaOrder(form, { name: 'Wang Xiaoming', city: 'Yiwu', line1: '88 Chouzhou North Road' });

    // onChainOrderPlaced put the order in the shop's state: <ChainOrderStatus> follows it.
    const orderStatus = page.locator('#order-status');
    await orderStatus.waitFor();
    const orderId = await orderStatus.evaluate(
      (el) => (el as HTMLElementTagNameMap['chain-order-status']).order,
    );
    expect(orderId).toMatch(/^ord_/);

    // The factory got the signed webhook, accepted and shipped.
    const job = (): ReceiverJob | undefined =>
      Object.values(stack.receiver.jobs()).find((j) => j.orderId === orderId);
    await expect.poll(() => job()?.step, { timeout: 60_000, interval: 250 }).toBe('done');
    expect(job()?.factoryId).toBe('f-changshu-down');
    const trackingNumber = trackingNumberFor(job()?.id ?? '');

    await expect
      .poll(() => page.locator('#order-status [part~="status"]').getAttribute('data-status'), {
        timeout: 60_000,
        interval: 500,
      })
      .toBe('shipped');
    await expect
      .poll(() => page.locator('#order-status [part~="tracking"]').first().textContent())
      .toContain(trackingNumber);

    // The shop's own "Your orders" page lists it (from its state), shipped.
    const ordersLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Your orders/ });
    expect(await ordersLink.locator('.badge').textContent()).toBe('1');
    await ordersLink.click();
    await expect.poll(() => shopHash(page)).toBe('#/orders');
    const listed = page.locator(`li[data-order="${orderId}"] chain-order-status [part~="status"]`);
    await expect.poll(() => listed.getAttribute('data-status'), { timeout: 30_000 }).toBe('shipped');

    expect(problems.errors).toEqual([]);
    expect(problems.csp).toEqual([]);
    await page.close();
  }, 240_000);
});
