/**
 * Size of the browser build (packages/elements/dist-cdn, made by `npm install`'s prepare step or
 * `npm run build:cdn -w @chainkit/elements`), brotli at quality 11, each file compressed on its
 * own as a server sends it, against the budgets in performance.md:
 *
 * - the loader `chainkit.js` ≤ 1.5 KB;
 * - a shop page with a catalog, a ladder price, an order form and a cart inside a `<chain-store>`,
 *   in Chinese, ≤ 30 KB (Lit included). The budget applies to the page after a whole purchase:
 *   - first load: the loader and each tag's chunks with their static imports, from the Chinese
 *     shop-page set, which has the text written in (see pageFiles);
 *   - purchase: first load plus every chunk those files can load on demand (floating-ui, which
 *     the cart and the mixed-batch details import when they first open in a browser without CSS
 *     anchor positioning) — at most what a buyer who orders downloads. The budget is on this,
 *     the worse case; a browser with anchor positioning (`native`) never loads floating-ui, and
 *     its figure is printed beside it.
 *
 * Shopify's Buy Button JS, the anchor, is measured in the same run with the same settings: the
 * minified script a merchant loads from Shopify's CDN and its stylesheet, from the npm package
 * (`@shopify/buy-button-js`, root devDependency).
 *
 * When the page is over budget, its heaviest parts are printed (sizes of source modules and
 * packages, estimated from their share of each chunk's minified bytes, read from the source maps).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

// CHAINKIT_CDN_OUT: measure a build made elsewhere (see scripts/build-cdn.mjs).
const cdn = process.env.CHAINKIT_CDN_OUT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../dist-cdn');
const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const LOADER_BUDGET = 1.5 * 1024;
export const PAGE_BUDGET = 30 * 1024;
/** The page the budget is for (performance.md): catalog + ladder + order form + cart, in a store. */
export const PAGE_TAGS = [
  'chain-store',
  'chain-catalog',
  'chain-ladder-price',
  'chain-order-form',
  'chain-cart',
];

/** The shop elements, as build-cdn.mjs's SHOP_TAGS (not imported: that would load Vite). */
const SHOP_TAGS = [...PAGE_TAGS];

/** A text chunk: `zh-CN-…` (an English page loads it if it switches to Chinese), `en-…`. */
const TEXT = /^(?:zh-CN|en)-/;

/** The floating-ui chunk: only browsers without CSS anchor positioning load it. */
const FLOATING_UI = /^floating-ui-/;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Brotli (q 11) size of a file: one built file by name, or any file by absolute path. */
export function brotliSize(file) {
  const bytes = readFileSync(resolve(cdn, file));
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
}

/**
 * Shopify's Buy Button JS 3 as a merchant's page loads it: `buybutton.min.js` (what Shopify's CDN
 * serves as buy-button-storefront.min.js) and `buybutton.css`, brotli q 11 like ours.
 */
export function buyButtonSizes() {
  const pkg = require.resolve('@shopify/buy-button-js/package.json');
  const dist = join(dirname(pkg), 'dist');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8'));
  return {
    version,
    js: brotliSize(join(dist, 'buybutton.min.js')),
    css: brotliSize(join(dist, 'buybutton.css')),
  };
}

/** The build's manifest; throws with the build command when it is missing. */
export function readManifest() {
  const path = join(cdn, 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build it with \`npm run build:cdn -w @chainkit/elements\``);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * The files `tags` load on a Chinese page, as the loader picks them: the Chinese shop-page set
 * when one of them is a shop element, else the Chinese split set (both have the text written in,
 * so no text chunk). `first`: the loader, each tag's entry chunk with its static imports.
 * `purchase`: those and every chunk they can load on demand but the texts of other languages (a
 * buyer who orders does not switch language), and their imports. `native`: the purchase in a
 * browser with CSS anchor positioning, which never loads floating-ui.
 */
export function pageFiles(manifest, tags) {
  const shopPage = tags.some((tag) => SHOP_TAGS.includes(tag));
  const tagChunks = shopPage ? manifest.chineseShopPageTags : manifest.chineseTags;
  const first = new Set(['chainkit.js']);
  const visit = (name, into) => {
    if (into.has(name)) return;
    into.add(name);
    for (const dep of manifest.files[name]?.imports ?? []) visit(dep, into);
  };
  for (const tag of tags) {
    const entry = tagChunks[tag];
    if (!entry) throw new Error(`no chunk for <${tag}> in manifest.json`);
    visit(entry, first);
  }
  const lazy = (files) => [...files].flatMap((name) => manifest.files[name]?.dynamicImports ?? []);
  const grow = (into, skip) => {
    const more = () => lazy(into).filter((f) => !into.has(f) && !TEXT.test(f) && !skip?.test(f));
    for (let next = more(); next.length > 0; next = more()) for (const dep of next) visit(dep, into);
    return [...into];
  };
  return { first: [...first], purchase: grow(new Set(first)), native: grow(new Set(first), FLOATING_UI) };
}

/**
 * The shop page's figures, in brotli bytes, in Chinese: first load, after a purchase (in a browser
 * without CSS anchor positioning, which loads floating-ui), after a purchase with anchor
 * positioning (`nativeBytes`), and the floating-ui chunk alone.
 */
export function measurePage() {
  const manifest = readManifest();
  const { first, purchase, native } = pageFiles(manifest, PAGE_TAGS);
  const sum = (files) => files.reduce((n, f) => n + brotliSize(f), 0);
  return {
    manifest,
    first,
    purchase,
    native,
    firstBytes: sum(first),
    purchaseBytes: sum(purchase),
    nativeBytes: sum(native),
    floatingUiBytes: sum(purchase.filter((f) => FLOATING_UI.test(f))),
  };
}

/**
 * The minified bytes of `file` per source module, read from its source map (what the minifier
 * actually left of each module, unlike the bundler's pre-minification lengths).
 */
function minifiedBytesBySource(file) {
  const mapPath = join(cdn, `${file}.map`);
  if (!existsSync(mapPath)) return [];
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const lines = readFileSync(join(cdn, file), 'utf8').split('\n');
  const bytes = new Map();
  const add = (source, n) => bytes.set(source, (bytes.get(source) ?? 0) + n);
  // A segment runs to the next one, across line breaks (a template literal's lines); a segment
  // without a source (code the minifier made up) counts for the one before it.
  let source = '(unmapped)';
  decode(map.mappings).forEach((segments, row) => {
    const line = lines[row] ?? '';
    const sorted = [...segments].sort((a, b) => a[0] - b[0]);
    // +1: the line break itself.
    add(source, (sorted[0]?.[0] ?? line.length) + 1);
    sorted.forEach((segment, i) => {
      if (segment.length > 1) source = resolve(cdn, map.sourceRoot ?? '', map.sources[segment[1]]);
      add(source, (sorted[i + 1]?.[0] ?? line.length) - segment[0]);
    });
  });
  return [...bytes];
}

/** A source path from a map as a short group: an npm package, or a source module of the repo. */
function groupOf(source) {
  const clean = relative(repoRoot, source).replace(/\\/g, '/');
  return (
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean)?.[1] ??
    /packages\/[^/]+\/(?:src|cdn)\/.*$/.exec(clean)?.[0] ??
    clean.replace(/^(?:\.\.\/)+/, '')
  );
}

/**
 * Estimated brotli bytes per package / source module for `files`, heaviest first: each file's
 * brotli size shared out by its sources' minified bytes (from the source maps).
 */
function heaviest(manifest, files) {
  const groups = new Map();
  for (const file of files) {
    const parts = minifiedBytesBySource(file);
    const total = parts.reduce((sum, [, n]) => sum + n, 0);
    const compressed = manifest.files[file]?.brotli ?? 0;
    for (const [source, n] of parts) {
      const group = groupOf(source);
      groups.set(group, (groups.get(group) ?? 0) + (total > 0 ? (compressed * n) / total : 0));
    }
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

/** Measures the loader, the shop page and the anchor, prints the figures, returns them with verdicts. */
export async function run() {
  const loader = brotliSize('chainkit.js');
  const { manifest, first, purchase, firstBytes, purchaseBytes, nativeBytes, floatingUiBytes } =
    measurePage();
  const narrow = pageFiles(manifest, ['chain-catalog', 'chain-order-form', 'chain-cart']).first;
  const money = pageFiles(manifest, ['chain-money']).first;
  // A buyer's order-tracking page: one <chain-order-status>, in Chinese.
  const status = pageFiles(manifest, ['chain-order-status']).first;
  const sum = (files) => files.reduce((n, f) => n + brotliSize(f), 0);
  const full = brotliSize('chainkit.full.js');
  const anchor = buyButtonSizes();
  const pageOk = purchaseBytes <= PAGE_BUDGET;
  const onDemand = purchase.filter((f) => !first.includes(f)).map((f) => f.replace(/-[\w-]{8}\.js$/, ''));
  const lines = [
    `elements: loader chainkit.js ${loader} B brotli (budget ${kb(LOADER_BUDGET)}) ${loader <= LOADER_BUDGET ? 'OK' : 'MISSED'}`,
    `elements: page <${PAGE_TAGS.join('> <')}>, Chinese — first load ${kb(firstBytes)} (${first.length} files), after a purchase ${kb(purchaseBytes)} without CSS anchor positioning (+ ${onDemand.join(', ') || 'nothing'} on demand), ${kb(nativeBytes)} with it (floating-ui ${kb(floatingUiBytes)} never loaded); budget ${kb(PAGE_BUDGET)} after a purchase ${pageOk ? 'OK' : 'MISSED'}`,
    `  anchor: Shopify Buy Button JS ${anchor.version} ${kb(anchor.js)} + ${kb(anchor.css)} CSS, measured (buybutton.min.js, buybutton.css)`,
    `  catalog + order form + cart only, first load ${kb(sum(narrow))}; <chain-order-status> only, ${kb(sum(status))}; <chain-money> only, ${kb(sum(money))}; full bundle chainkit.full.js ${kb(full)}`,
  ];
  if (!pageOk) {
    lines.push('  heaviest parts of the page (estimated brotli share):');
    // SIZE_PARTS=all prints every part, not just the twelve heaviest.
    const parts = heaviest(manifest, purchase);
    for (const [group, size] of process.env.SIZE_PARTS === 'all' ? parts : parts.slice(0, 12)) {
      lines.push(`    ${kb(size).padStart(8)}  ${group}`);
    }
  }
  console.log(lines.join('\n'));
  return [
    { name: 'loader size', bytes: loader, budget: LOADER_BUDGET, ok: loader <= LOADER_BUDGET },
    { name: 'shop page size', bytes: purchaseBytes, budget: PAGE_BUDGET, ok: pageOk },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
