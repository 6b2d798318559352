import { defineConfig } from 'vitest/config';

/**
 * One Vite config for the repo. Vitest runs the pure-TypeScript suites (core, server);
 * browser suites for elements run in real Chromium through @web/test-runner instead.
 * The `source` export condition makes workspace packages resolve to their TypeScript
 * sources, so tests never depend on a stale build.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'packages/elements/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser end-to-end checks poll the page; on a loaded 2-core CI machine an in-browser
    // database or a webhook round trip can take seconds, so polls wait up to 15 s by default.
    expect: { poll: { timeout: 15_000 } },
  },
});
