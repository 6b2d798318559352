#!/usr/bin/env node
// The CDN build (`npm run build:cdn -w @chainkit/elements`), with Vite's build API (Rolldown):
// self-contained browser files in dist-cdn/, which `chainkit serve` serves under /cdn/ and which
// can go to any CDN as they are.
//
// - chainkit.js          the loader: a classic script that imports each chain-* tag's chunks
//                        when the tag first appears (the map tag → hashed chunks is written in);
// - the tags' chunks, in four sets (the loader uses one per page):
//   split:               base-<hash>.js, code every element needs (Lit, the localize runtime,
//                        the API client…); shop-<hash>.js, the shop elements' code (store,
//                        catalog, ladder price, order form, cart) and core pricing, registering
//                        those five tags; chain-money / chain-order-status-<hash>.js registering
//                        those two: a page with only them does not load the shop;
//   shop page:           shop-page-<hash>.js, base and shop in one file (a page with a shop
//                        element), and its own chain-money / chain-order-status entries;
//   Chinese split and    base-zh / shop-zh-<hash>.js and shop-page-zh-<hash>.js with their
//   Chinese shop page:   entries, the same two sets with the Chinese text written into the code
//                        (scripts/inline-text.mjs), for a Chinese page, which then loads no text
//                        chunk; their English, en-<hash>.js, loads if the page switches;
//   the English sets' zh-CN-<hash>.js, the Chinese text, loaded if an English page switches;
// - chainkit.full.js     every element in one classic script;
// - *.map                source maps;
// - manifest.json        { version, files: { name: { path, integrity, bytes, brotli, imports,
//                        dynamicImports } }, tags / chineseTags: { tag: entry chunk } (split
//                        sets), shopPageTags / chineseShopPageTags: { tag: entry chunk } (shop-page
//                        sets) }.
//
// Prints the sizes (brotli, quality 11) and the SRI hashes (sha384) of the two script-tag files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { build } from 'vite';
import { inlineTextPlugin } from './inline-text.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { shortMessageIdsPlugin } from './short-message-ids.mjs';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// CHAINKIT_CDN_OUT: build elsewhere (e.g. to measure a change without touching dist-cdn).
const outDir = process.env.CHAINKIT_CDN_OUT ?? join(pkgDir, 'dist-cdn');
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

/** Each tag and the module that registers it. */
export const TAGS = {
  'chain-store': 'src/store/define.ts',
  'chain-cart': 'src/cart/define.ts',
  'chain-catalog': 'src/catalog/define.ts',
  'chain-ladder-price': 'src/ladder-price/define.ts',
  'chain-money': 'src/money/define.ts',
  'chain-order-form': 'src/order-form/define.ts',
  'chain-order-status': 'src/order-status/define.ts',
};

/** The shop elements: a page with one of them loads the shop-page chunks (see main). */
export const SHOP_TAGS = [
  'chain-store',
  'chain-cart',
  'chain-catalog',
  'chain-ladder-price',
  'chain-order-form',
];

/** Brotli size at quality 11, as the budgets measure it. */
export function brotliSize(bytes) {
  return brotli(bytes).length;
}

function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** A Subresource Integrity value (sha384). */
export function integrity(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * One Vite build in library mode (no preload helper, no `vite:preloadError` events: this code
 * runs on other people's pages) with full minification, which library mode leaves off for ES
 * output unless asked, short message ids and minified templates. Legal comments are dropped from the code and their licences collected
 * into THIRD-PARTY-LICENSES.txt instead.
 */
function viteBuild({
  entry,
  formats,
  name,
  output,
  define = {},
  emptyOutDir = false,
  stagger = false,
  textLocale,
}) {
  return build({
    configFile: false,
    envDir: false,
    root: pkgDir,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [
      ...(textLocale ? [inlineTextPlugin(textLocale)] : []),
      shortMessageIdsPlugin(),
      minifyTemplatesPlugin(),
      ...(stagger ? [staggeredDefinePlugin()] : []),
    ],
    // Workspace packages (@chainkit/core) from their TypeScript sources, never a stale dist;
    // Lit's production build (no "development" condition).
    // `@lit/localize` as the few lines of its runtime the elements use (the npm build keeps the
    // library; see src/internal/localize-runtime.ts).
    resolve: {
      conditions: ['source', 'module', 'browser', 'production', 'default'],
      alias: { '@lit/localize': join(pkgDir, 'src/internal/localize-runtime.ts') },
    },
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    build: {
      outDir,
      emptyOutDir,
      write: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry, formats, ...(name ? { name } : {}) },
      rolldownOptions: {
        checks: { pluginTimings: false },
        output: { minify: true, comments: { legal: false, annotation: false, jsdoc: false }, ...output },
      },
    },
  });
}

/**
 * Puts cdn/staggered-define.ts in place of src/internal/define.ts (the tags' chunks register one
 * tag per task; see there). The full bundle and the npm build keep the synchronous `define`.
 */
function staggeredDefinePlugin() {
  const real = join(pkgDir, 'src/internal/define.ts');
  const staggered = join(pkgDir, 'cdn/staggered-define.ts');
  return {
    name: 'chainkit-staggered-define',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer === staggered || !source.endsWith('/define.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === real ? staggered : null;
    },
  };
}

/** A module id as a short, machine-independent name: `node_modules/lit-html/lit-html.js`, `src/cart/…`. */
function moduleName(id) {
  const clean = id.replace(/^\0/, '').replace(/\\/g, '/');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) return clean.slice(nm + 1);
  const repo = join(pkgDir, '../..').replace(/\\/g, '/');
  return clean.startsWith(`${repo}/`) ? clean.slice(repo.length + 1) : clean;
}

/** The text of every npm package's licence whose code is bundled, once per package. */
function licences(moduleIds) {
  const packages = new Map();
  for (const id of moduleIds) {
    const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
    if (match && !packages.has(match[1])) packages.set(match[1], null);
  }
  const sections = [];
  for (const dir of [...packages.keys()].sort()) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((name) => /^(?:licen[cs]e|copying)(?:\.|$)/i.test(name));
    const text = file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() : '';
    sections.push(`${pkg.name} ${pkg.version} (${pkg.license ?? 'see package'})\n\n${text}`);
  }
  return `Chainkit's browser build bundles these packages.\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`;
}

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): compile every function
 * of the file eagerly, on a background thread while it streams in, instead of pre-parsing each
 * and compiling it on the main thread when first called. Nearly all of a chunk's code runs as
 * soon as it loads (Lit, the elements' classes, their first render), so this moves most of the
 * compile work off the main thread: the shop page's script time at 4× throttling went from a
 * median of 67 to 56 ms over 8 and 10 runs of `node scripts/bench/main-thread.bench.mjs`
 * (blocking time unchanged), for ~37 B brotli on the shop-page chunk.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The files that take no compile hint: the text chunks (message tables), and the loader, whose
 * few small functions V8 compiles at once anyway (it is one immediately invoked function) and
 * whose every byte is on every page.
 */
const UNHINTED = /^(?:zh-CN-|en-|chainkit\.js$)/;

/**
 * Minifies a built file again with terser (2 passes), which finds ~1% more than Rolldown's
 * minifier alone (~0.3 KB brotli on a shop page); its source map is carried through, and code
 * chunks get the compile hint as their first line. `module`: an ES module chunk (top-level names
 * may be renamed) rather than a classic script.
 */
async function squeeze(name, module) {
  const path = join(outDir, name);
  const mapPath = `${path}.map`;
  const code = readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
  const result = await minify(code, {
    module,
    ecma: 2022,
    compress: { passes: 2 },
    mangle: true,
    // Terser shifts the source map by the preamble's line.
    format: { comments: false, preamble: UNHINTED.test(name) ? undefined : COMPILE_HINT },
    sourceMap: existsSync(mapPath)
      ? { content: readFileSync(mapPath, 'utf8'), url: `${name}.map`, filename: name }
      : false,
  });
  if (result.code === undefined) throw new Error(`terser gave no code for ${name}`);
  writeFileSync(path, result.code);
  if (typeof result.map === 'string') writeFileSync(mapPath, result.map);
}

const outputsOf = (result) => (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);

/**
 * What every element needs: Lit and the other packages, the elements' foundations (internal/ and
 * the chunks' staggered `define`,
 * but for the popup placement only the cart and the ladder price use, and the refresh controller
 * only the order status uses) and the core modules
 * `<chain-money>` and `<chain-order-status>` use.
 */
const BASE_MODULES =
  /node_modules\/(?!@floating-ui\/)|packages\/elements\/cdn\/staggered-define|packages\/elements\/src\/internal\/(?!placement-controller|floating-ui|refresh-controller)|packages\/core\/src\/(?:money|money-error|currencies|localized-text|api-types)\.ts/;
/**
 * The shop elements (store, catalog, ladder price, order form, cart, their popup placement) and
 * the rest of core, in one chunk: they are used together on a shop page, and one file compresses
 * better than five (each file is compressed on its own, as a server sends it). Left out, so they
 * stay in chunks loaded on demand: the translations (a Chinese page loads them) and
 * @floating-ui (PlacementController imports it when a popup first opens).
 */
const SHOP_MODULES =
  /packages\/elements\/src\/(?:(?:store|catalog|ladder-price|order-form|cart)\/(?!translations\/)|internal\/placement-controller)|packages\/core\/src\/(?!routing|dates)/;

async function main() {
  // 1. One ES module per tag, registering it, in each set. The split set: the code in hashed
  //    chunks `base` (every element needs it) and `shop` (the shop elements), so a page with only
  //    <chain-money> or <chain-order-status> does not load the shop. The shop-page set: both in
  //    one chunk, `shop-page`, ~1 KB less brotli than the two compressed apart. Each again with
  //    the Chinese written in. The loader picks one set per page, by the first tags it finds and
  //    the page's language (see cdn/loader.ts).
  const graph = {};
  const bundledModules = new Set();
  /** Per chunk, the minified length each source module contributes (written to stats.json). */
  const modules = {};
  const tagBuild = async (groups, emptyOutDir, textLocale) => {
    const chunks = outputsOf(
      await viteBuild({
        emptyOutDir,
        stagger: true,
        textLocale,
        entry: TAGS,
        formats: ['es'],
        output: {
          entryFileNames: '[name]-[hash].js',
          chunkFileNames: '[name]-[hash].js',
          codeSplitting: { groups },
        },
      }),
    ).filter((output) => output.type === 'chunk');
    const tagChunks = {};
    for (const output of chunks) {
      // A tag whose entry chunk holds no code of its own only re-exports the chunk that registers
      // it (the shop elements: the shop chunk runs their define calls): the tag points at that
      // chunk and the re-export file is not shipped, one request and ~0.1 KB less per shop tag.
      const facade =
        output.isEntry &&
        output.imports.length === 1 &&
        output.dynamicImports.length === 0 &&
        Object.values(output.modules).every((info) => info.renderedLength === 0);
      if (output.isEntry) tagChunks[output.name] = facade ? output.imports[0] : output.fileName;
      if (facade) {
        for (const name of [output.fileName, `${output.fileName}.map`])
          rmSync(join(outDir, name), { force: true });
        continue;
      }
      graph[output.fileName] = { imports: output.imports, dynamicImports: output.dynamicImports };
      for (const id of output.moduleIds) bundledModules.add(id);
      modules[output.fileName] = Object.entries(output.modules)
        .filter(([, info]) => info.renderedLength > 0)
        .map(([id, info]) => [moduleName(id), info.renderedLength]);
    }
    for (const tag of Object.keys(TAGS)) if (!tagChunks[tag]) throw new Error(`no chunk for <${tag}>`);
    return tagChunks;
  };
  const tagChunks = await tagBuild(
    [
      { name: 'base', test: BASE_MODULES, priority: 2 },
      { name: 'shop', test: SHOP_MODULES, priority: 1 },
    ],
    true,
  );
  const shopPageModules = new RegExp(`${BASE_MODULES.source}|${SHOP_MODULES.source}`);
  const shopPageChunks = await tagBuild([{ name: 'shop-page', test: shopPageModules }], false);
  // The Chinese sets: the same two with the Chinese written in (inline-text.mjs), for a Chinese
  // page, which then loads no text chunk and no English (its own chunk, loaded if it switches).
  const english = { name: 'en', test: /chainkit-text:en/, priority: 3 };
  const chineseTagChunks = await tagBuild(
    [
      english,
      { name: 'base-zh', test: BASE_MODULES, priority: 2 },
      { name: 'shop-zh', test: SHOP_MODULES, priority: 1 },
    ],
    false,
    'zh-CN',
  );
  const chineseShopPageChunks = await tagBuild(
    [english, { name: 'shop-page-zh', test: shopPageModules, priority: 1 }],
    false,
    'zh-CN',
  );

  /** The files a tag needs before it registers: its entry and all it imports statically. */
  const closure = (name, seen = new Set()) => {
    if (!seen.has(name)) {
      seen.add(name);
      for (const dep of graph[name]?.imports ?? []) closure(dep, seen);
    }
    return seen;
  };
  const files = Object.keys(graph).sort();
  // Per tag, its files in each set, in the loader's order (cdn/loader.ts): [split, shop page,
  // Chinese split, Chinese shop page].
  const tagFiles = Object.keys(tagChunks).map((tag) => [
    tag,
    [tagChunks, shopPageChunks, chineseTagChunks, chineseShopPageChunks].map((chunks) => [
      ...closure(chunks[tag]),
    ]),
  ]);
  // The loader names only the files it imports itself; the chunks import the others (floating-ui,
  // the text chunks) by relative URLs of their own.
  const loaderFiles = [...new Set(tagFiles.flatMap(([, sets]) => sets.flat()))].sort();
  const index = (file) => loaderFiles.indexOf(file);
  const loaderMap = {
    v: version,
    f: loaderFiles,
    t: Object.fromEntries(tagFiles.map(([tag, sets]) => [tag, sets.map((set) => set.map(index))])),
    p: SHOP_TAGS,
  };

  // 2. The loader: a classic script (IIFE) with the map written in.
  await viteBuild({
    define: { __CHAINKIT_LOADER__: JSON.stringify(loaderMap) },
    entry: { chainkit: 'cdn/loader.ts' },
    formats: ['iife'],
    name: 'ChainkitLoader',
    output: { entryFileNames: 'chainkit.js' },
  });

  // 3. The full bundle: every element in one classic script (the zh-CN text inlined).
  await viteBuild({
    entry: { 'chainkit.full': 'cdn/full.ts' },
    formats: ['iife'],
    name: 'ChainkitFull',
    output: { entryFileNames: 'chainkit.full.js' },
  });

  // 4. A second minify pass over every file (see squeeze).
  for (const name of ['chainkit.js', 'chainkit.full.js', ...files])
    await squeeze(name, !name.startsWith('chainkit'));

  // 5. Licences of the bundled packages, sizes, SRI, precompressed copies, manifest.
  writeFileSync(join(outDir, 'THIRD-PARTY-LICENSES.txt'), licences(bundledModules));
  const describe = (name) => {
    const bytes = readFileSync(join(outDir, name));
    const compressed = brotli(bytes);
    // `chainkit serve` sends these to clients that accept them (Content-Encoding br / gzip).
    writeFileSync(join(outDir, `${name}.br`), compressed);
    writeFileSync(join(outDir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
    return { path: name, integrity: integrity(bytes), bytes: bytes.length, brotli: compressed.length };
  };
  const manifest = {
    version,
    files: {},
    tags: tagChunks,
    chineseTags: chineseTagChunks,
    shopPageTags: shopPageChunks,
    chineseShopPageTags: chineseShopPageChunks,
  };
  for (const name of ['chainkit.js', 'chainkit.full.js']) manifest.files[name] = describe(name);
  for (const name of files) manifest.files[name] = { ...describe(name), ...graph[name] };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // What each chunk is made of, for finding what is heavy (scripts/size-budget.test.ts prints it).
  writeFileSync(join(outDir, 'stats.json'), `${JSON.stringify({ version, modules }, null, 1)}\n`);

  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const lines = [`Chainkit CDN build v${version} → packages/elements/dist-cdn/ (brotli -q 11)`];
  for (const f of Object.values(manifest.files)) {
    lines.push(`  ${f.path.padEnd(34)} ${kb(f.bytes).padStart(9)}  ${kb(f.brotli).padStart(8)} brotli`);
  }
  lines.push('', 'Subresource Integrity (sha384):');
  for (const name of ['chainkit.js', 'chainkit.full.js']) {
    lines.push(`  ${name.padEnd(17)} ${manifest.files[name].integrity}`);
  }
  console.log(lines.join('\n'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
