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
  },
});
