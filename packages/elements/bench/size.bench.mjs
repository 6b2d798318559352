/**
 * Size of the browser build (packages/elements/dist-cdn, made by `npm install`'s prepare step or
 * `npm run build:cdn -w @chainkit/elements`), brotli at quality 11, each file compressed on its
 * own as a server sends it, against the budgets in performance.md:
 *
 * - the loader `chainkit.js` ≤ 1.5 KB (also enforced by scripts/size-budget.test.ts);
 * - everything a shop page with a catalog, a ladder price, an order form and a cart inside a
 *   `<chain-store>` loads ≤ 30 KB: the loader, each tag's chunks and everything they import, and
 *   the Chinese text chunk a zh-CN page loads on top (Lit and floating-ui included).
 *
 * When the page is over budget, its heaviest parts are printed (sizes of source modules and
 * packages, estimated from their share of each chunk, from stats.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const cdn = resolve(dirname(fileURLToPath(import.meta.url)), '../dist-cdn');

export const LOADER_BUDGET = 1.5 * 1024;
export const PAGE_BUDGET = 30 * 1024;
/** The page the budget is for (performance.md): catalog + ladder + order form + cart, in a store. */
const PAGE_TAGS = ['chain-store', 'chain-catalog', 'chain-ladder-price', 'chain-order-form', 'chain-cart'];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Brotli (q 11) size of one built file. */
export function brotliSize(file) {
  const bytes = readFileSync(join(cdn, file));
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
}

/** The build's manifest; throws with the build command when it is missing. */
export function readManifest() {
  const path = join(cdn, 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build it with \`npm run build:cdn -w @chainkit/elements\``);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The files `tags` load: each tag's entry chunk with its static imports; then the text chunk. */
function pageFiles(manifest, tags) {
  const statics = new Set(['chainkit.js']);
  const visit = (name) => {
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
  const lazy = new Set();
  for (const name of statics) {
    for (const dep of manifest.files[name]?.dynamicImports ?? []) {
      if (!statics.has(dep) && /^zh-CN-/.test(dep)) lazy.add(dep);
    }
  }
  return { statics: [...statics], lazy: [...lazy] };
}

/** Estimated brotli bytes per package / source folder for `files`, heaviest first. */
function heaviest(manifest, files) {
  const statsPath = join(cdn, 'stats.json');
  if (!existsSync(statsPath)) return [];
  const stats = JSON.parse(readFileSync(statsPath, 'utf8'));
  const groups = new Map();
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

/** Measures the loader and the shop page, prints the figures and returns them with verdicts. */
export async function run() {
  const manifest = readManifest();
  const loader = brotliSize('chainkit.js');
  const { statics, lazy } = pageFiles(manifest, PAGE_TAGS);
  const sizes = new Map([...statics, ...lazy].map((file) => [file, brotliSize(file)]));
  const sum = (files) => files.reduce((n, f) => n + (sizes.get(f) ?? 0), 0);
  const english = sum(statics);
  const chinese = english + sum(lazy);
  const narrow = pageFiles(manifest, ['chain-catalog', 'chain-order-form', 'chain-cart']).statics;
  const full = brotliSize('chainkit.full.js');
  const pageOk = chinese <= PAGE_BUDGET;
  const lines = [
    `elements: loader chainkit.js ${loader} B brotli (budget ${kb(LOADER_BUDGET)}) ${loader <= LOADER_BUDGET ? 'OK' : 'MISSED'}`,
    `elements: page <${PAGE_TAGS.join('> <')}> — English ${kb(english)}, Chinese ${kb(chinese)} (budget ${kb(PAGE_BUDGET)}; anchor: Shopify Buy Button JS 49.7 KB + 4.3 KB CSS) ${pageOk ? 'OK' : 'MISSED'}`,
    `  catalog + order form + cart only ${kb(narrow.reduce((n, f) => n + brotliSize(f), 0))}; full bundle chainkit.full.js ${kb(full)}`,
  ];
  if (!pageOk) {
    lines.push('  heaviest parts of the page (estimated brotli share):');
    for (const [group, size] of heaviest(manifest, [...statics, ...lazy]).slice(0, 12)) {
      lines.push(`    ${kb(size).padStart(8)}  ${group}`);
    }
  }
  console.log(lines.join('\n'));
  return [
    { name: 'loader size', bytes: loader, budget: LOADER_BUDGET, ok: loader <= LOADER_BUDGET },
    { name: 'shop page size', bytes: chinese, budget: PAGE_BUDGET, ok: pageOk },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
