// One Web Test Runner config for every package with browser tests: real Debian Chromium, no downloads.
import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { realApiMiddleware } from './packages/elements/test/real-server/real-api.mjs';

try {
  assertChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// msw's service worker, served from the installed msw so its version always matches the library
// the tests import (msw checks that). Read once, lazily.
let mockServiceWorker;
function mockServiceWorkerMiddleware(ctx, next) {
  if (ctx.path !== '/mockServiceWorker.js') return next();
  mockServiceWorker ??= readFileSync(
    new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url),
    'utf8',
  );
  ctx.type = 'application/javascript';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = mockServiceWorker;
}

export default {
  // packages/react's tests run in Vitest (Node, and Chromium through playwright for the DOM ones).
  files: ['packages/*/test/**/*.test.ts', '!packages/core/**', '!packages/server/**', '!packages/react/**'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // /mockServiceWorker.js for msw; /real-api/* is the real order server in process (see real-api.mjs).
  middleware: [mockServiceWorkerMiddleware, realApiMiddleware()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' })],
  reporters: [defaultReporter(), countReporter(process.env.CHAINKIT_WTR_COUNTS)],
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({
      // Each page in its own browser context, so each gets its own window and stays visible.
      // With the default shared context, concurrent test pages are background tabs of one
      // window: hidden, so requestAnimationFrame never fires there and every fixture() of a
      // plain element (which waits a frame) times out at random (modernweb-dev/web#2588).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
