/**
 * Size budgets of the browser build (packages/elements/dist-cdn, made by `npm install`'s
 * prepare step or `npm run build:cdn -w @chainkit/elements`), brotli at quality 11, each file
 * compressed on its own as a server sends it:
 *
 * - the loader `chainkit.js` ≤ 1.5 KB;
 * - everything a shop page with a catalog, a ladder price, an order form and a cart inside a
 *   `<chain-store>` loads ≤ 30 KB: the loader, each tag's chunks and everything they import,
 *   and the Chinese text chunk a zh-CN page loads on top (Lit and floating-ui included).
 *
 * The figures are printed; when the page is over budget, so are its heaviest parts (sizes of
 * source modules and packages, estimated from their share of each chunk, from stats.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cdn = join(root, 'packages/elements/dist-cdn');

const LOADER_BUDGET = 1.5 * 1024;
const PAGE_BUDGET = 30 * 1024;
/** The page the budget is for (performance.md): catalog + ladder + order form + cart, in a store. */
const PAGE_TAGS = ['chain-store', 'chain-catalog', 'chain-ladder-price', 'chain-order-form', 'chain-cart'];

interface ManifestFile {
  readonly path: string;
  readonly bytes: number;
  readonly brotli: number;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}
interface Manifest {
  readonly version: string;
  readonly files: Readonly<Record<string, ManifestFile>>;
  readonly tags: Readonly<Record<string, string>>;
}
interface Stats {
  readonly modules: Readonly<Record<string, readonly (readonly [string, number])[]>>;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function brotli(file: string): number {
  const bytes = readFileSync(join(cdn, file));
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
}

let manifest: Manifest;

beforeAll(() => {
  const path = join(cdn, 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build it with \`npm run build:cdn -w @chainkit/elements\``);
  }
  manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
});

/** The files `tags` load: each tag's entry chunk with its static imports; then the text chunk. */
function pageFiles(tags: readonly string[]): { statics: string[]; lazy: string[] } {
  const statics = new Set<string>(['chainkit.js']);
  const visit = (name: string): void => {
    if (statics.has(name)) return;
    statics.add(name);
    for (const dep of manifest.files[name]?.imports ?? []) visit(dep);
  };
  for (const tag of tags) {
    const entry = manifest.tags[tag];
    if (!entry) throw new Error(`no chunk for <${tag}> in manifest.json`);
    visit(entry);
  }
  // Of the chunks loaded on demand, a page surely loads its text (zh-CN for a Chinese page);
  // others (e.g. the virtualizer's default layout, which the catalog replaces) may never load.
  const lazy = new Set<string>();
  for (const name of statics) {
    for (const dep of manifest.files[name]?.dynamicImports ?? []) {
      if (!statics.has(dep) && /^zh-CN-/.test(dep)) lazy.add(dep);
    }
  }
  return { statics: [...statics], lazy: [...lazy] };
}

/** Estimated brotli bytes per package / source folder for `files`, heaviest first. */
function heaviest(files: readonly string[]): [string, number][] {
  const statsPath = join(cdn, 'stats.json');
  if (!existsSync(statsPath)) return [];
  const stats = JSON.parse(readFileSync(statsPath, 'utf8')) as Stats;
  const groups = new Map<string, number>();
  for (const file of files) {
    const modules = stats.modules[file] ?? [];
    const total = modules.reduce((sum, [, length]) => sum + length, 0);
    const compressed = manifest.files[file]?.brotli ?? 0;
    for (const [id, length] of modules) {
      const group =
        /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ??
        /^packages\/[^/]+\/src\/(?:[^/]+\/)?[^/]+/.exec(id)?.[0] ??
        id;
      groups.set(group, (groups.get(group) ?? 0) + (total > 0 ? (compressed * length) / total : 0));
    }
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

describe('browser build size budgets (brotli -q 11)', () => {
  it(`loader chainkit.js ≤ ${kb(LOADER_BUDGET)}`, () => {
    const size = brotli('chainkit.js');
    console.log(`loader chainkit.js: ${size} B (${kb(size)}) brotli; budget ${kb(LOADER_BUDGET)}`);
    expect(size).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  it(`a page with catalog + ladder + order form + cart loads ≤ ${kb(PAGE_BUDGET)}`, () => {
    const { statics, lazy } = pageFiles(PAGE_TAGS);
    const sizes = new Map([...statics, ...lazy].map((file) => [file, brotli(file)]));
    const sum = (files: readonly string[]): number => files.reduce((n, f) => n + (sizes.get(f) ?? 0), 0);
    const english = sum(statics);
    const chinese = english + sum(lazy);
    const narrow = pageFiles(['chain-catalog', 'chain-order-form', 'chain-cart']).statics;
    const full = brotli('chainkit.full.js');
    const lines = [
      `page <${PAGE_TAGS.join('> <')}>:`,
      ...[...sizes].map(
        ([file, size]) =>
          `  ${file.padEnd(34)} ${kb(size).padStart(8)}${lazy.includes(file) ? '  (zh-CN pages)' : ''}`,
      ),
      `  total, English page               ${kb(english).padStart(8)}`,
      `  total, Chinese page               ${kb(chinese).padStart(8)}   budget ${kb(PAGE_BUDGET)}`,
      `catalog + order form + cart only:   ${kb(narrow.reduce((n, f) => n + brotli(f), 0)).padStart(8)} (no store, no ladder, English)`,
      `full bundle chainkit.full.js:       ${kb(full).padStart(8)}`,
    ];
    if (chinese > PAGE_BUDGET) {
      lines.push('over budget; heaviest parts of the page (estimated brotli share):');
      for (const [group, size] of heaviest([...statics, ...lazy]).slice(0, 25)) {
        lines.push(`  ${kb(size).padStart(8)}  ${group}`);
      }
    }
    console.log(lines.join('\n'));
    expect(chinese).toBeLessThanOrEqual(PAGE_BUDGET);
  });
});
