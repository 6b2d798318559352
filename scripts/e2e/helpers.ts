/**
 * Shared pieces of the end-to-end tests: the demo stack (the real order server on the embedded
 * database in memory, with the demo store, plus the factory receiver taking its webhooks) and a
 * Chromium page that records console errors, page errors and CSP violations.
 */
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStoreFile } from '@chainkit/server';
import { startServer, type RunningServer } from '@chainkit/server/node';
import type { Browser, Page } from 'playwright-core';
import { createLogger } from '../../packages/server/src/logger.js';
import {
  configFromStoreFile,
  silentLogger,
  startReceiver,
  type RunningReceiver,
} from '../../examples/factory-receiver/receiver.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const storeFile = join(root, 'examples/data/store.json');

/** A free port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

/** The order server and the factory receiver, wired to each other. */
export interface DemoStack {
  readonly server: RunningServer;
  readonly receiver: RunningReceiver;
  close(): Promise<void>;
}

/**
 * Starts the order server with the demo store on a free port (its origin added to the demo key's
 * allowed origins, the webhooks pointed at the receiver) serving `staticRoots`, and the factory
 * receiver, which accepts and ships each factory order quickly.
 */
export async function startDemoStack(staticRoots: Record<string, string>): Promise<DemoStack> {
  // Ports first: the key's allowed origin and the factories' webhook URLs name them.
  const [port, receiverPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  const hook = (destination: string): string => `http://127.0.0.1:${receiverPort}/hooks/${destination}`;
  const base = await loadStoreFile(storeFile);
  const server = await startServer({
    store: {
      ...base,
      keys: {
        ...base.keys,
        publishable: base.keys.publishable.map((key) => ({
          ...key,
          allowedOrigins: [...key.allowedOrigins, origin],
        })),
      },
      factories: base.factories.map((factory) => ({ ...factory, webhookUrl: hook(factory.id) })),
      webhooks: { merchant: base.webhooks.merchant && { ...base.webhooks.merchant, url: hook('merchant') } },
    },
    database: 'memory',
    port,
    handleSignals: false,
    logger: createLogger({ level: 'silent' }),
    dispatcher: { pollIntervalMs: 200 },
    staticRoots,
  });
  const receiver = await startReceiver({
    ...configFromStoreFile(storeFile),
    api: server.url,
    port: receiverPort,
    logger: silentLogger,
    acceptAfterMs: 300,
    shipAfterMs: 800,
  });
  return {
    server,
    receiver,
    async close() {
      await receiver.close();
      await server.close();
    },
  };
}

/** What went wrong on a page: console errors, uncaught errors, CSP violations. */
export interface Problems {
  readonly errors: string[];
  readonly csp: string[];
  readonly warnings: string[];
}

/**
 * Opens `url` in a new page of `browser` (zh-CN, 1280 × 900), recording its problems; `before`
 * runs first (e.g. to set up routes).
 */
export async function openPage(
  browser: Browser,
  url: string,
  before?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; problems: Problems }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const problems: Problems = { errors: [], csp: [], warnings: [] };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const host = (event.target as Node | null)?.getRootNode?.();
      const where =
        host instanceof ShadowRoot ? host.host.localName : (event.target as Element | null)?.localName;
      console.error(
        `CSP violation: ${event.violatedDirective} by ${event.sourceFile}:${event.lineNumber} at <${where}>`,
      );
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    // Chromium also logs each violation as a console error; the listener above reports it with its source.
    if (text.startsWith('CSP violation')) problems.csp.push(text);
    else if (text.includes('Content Security Policy')) return;
    else if (message.type() === 'error') problems.errors.push(text);
    else if (message.type() === 'warning') problems.warnings.push(text);
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  await before?.(page);
  await page.goto(url);
  return { page, problems };
}
