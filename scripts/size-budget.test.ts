/**
 * The loader's size budget, enforced on every test run: the first file a merchant's page
 * fetches must stay ≤ 1.5 KB brotli. The whole-page figures (and their 30 KB budget) are
 * printed by `npm run bench` through the same measurement (packages/elements/bench/size.bench.mjs).
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM benchmark module without type declarations
import { brotliSize, LOADER_BUDGET, readManifest } from '../packages/elements/bench/size.bench.mjs';

describe('browser build size budget (brotli -q 11)', () => {
  it('loader chainkit.js ≤ 1.5 KB and names a chunk for every element', () => {
    const manifest = readManifest() as { tags: Record<string, string> };
    for (const tag of [
      'chain-store',
      'chain-catalog',
      'chain-ladder-price',
      'chain-order-form',
      'chain-cart',
    ]) {
      expect(manifest.tags[tag], `<${tag}> has a chunk`).toBeTruthy();
    }
    const size = brotliSize('chainkit.js') as number;
    console.log(`loader chainkit.js: ${size} B brotli; budget ${LOADER_BUDGET} B`);
    expect(size).toBeLessThanOrEqual(LOADER_BUDGET);
  });
});
