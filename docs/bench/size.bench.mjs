/**
 * Size of the docs site (`npm run build:docs` → docs/dist), rebuilt from the sources first:
 *
 * - every file of the site, raw and brotli (quality 11, each file compressed on its own, as a
 *   static host sends it);
 * - the JavaScript the playground loads (its pages' entries and everything they import, static
 *   or dynamic, from Vite's build manifest);
 * - PGlite's WebAssembly (and its file-system image), the bulk of the playground, and the
 *   playground's prepared demo database, each on its own line.
 *
 * No budget: the figures are reported so a change in size is visible.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'docs/dist');

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function brotli(file) {
  const bytes = readFileSync(file);
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
}

/** Every published file of the site (Vite's own manifest folder left out). */
function siteFiles(dir = dist) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '.vite' ? [] : siteFiles(path);
    return [path];
  });
}

/** The JS files the given HTML entries load: entry chunks, their imports and dynamic imports. */
function loadedScripts(manifest, entries) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  for (const key of entries) visit(key);
  return [...files];
}

function sum(files, measure) {
  return files.reduce((total, file) => total + measure(file), 0);
}

export async function run() {
  const built = spawnSync('npm', ['run', 'build:docs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) {
    console.log(built.stdout, built.stderr);
    throw new Error(`npm run build:docs failed (exit ${built.status ?? built.signal})`);
  }
  const files = siteFiles();
  const raw = sum(files, (file) => statSync(file).size);
  const compressed = sum(files, brotli);
  const pages = files.filter((file) => file.endsWith('.html')).length;

  const manifestPath = join(dist, '.vite/manifest.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const playgroundEntries = Object.keys(manifest).filter(
    (key) => key.startsWith('playground/') && key.endsWith('.html'),
  );
  const playgroundJs = loadedScripts(manifest, playgroundEntries).map((file) => join(dist, file));
  const wasm = files.filter((file) => /\.(wasm|data)$/.test(file));
  // The playground's demo database, prepared at build time (a PGlite data directory dump).
  const snapshots = files.filter((file) => /\.pgdata$/.test(file));

  const lines = [
    `docs: ${pages} pages, ${files.length} files, ${kb(raw)} raw, ${kb(compressed)} brotli (each file on its own)`,
    playgroundEntries.length > 0
      ? `docs: playground JavaScript (${playgroundEntries.join(', ')}): ${playgroundJs.length} files, ` +
        `${kb(sum(playgroundJs, (file) => statSync(file).size))} raw, ${kb(sum(playgroundJs, brotli))} brotli`
      : 'docs: no playground pages in the build',
    ...wasm.map(
      (file) =>
        `docs: PGlite ${relative(dist, file)}: ${kb(statSync(file).size)} raw, ${kb(brotli(file))} brotli`,
    ),
    ...snapshots.map(
      (file) =>
        `docs: playground demo database ${relative(dist, file)}: ${kb(statSync(file).size)} raw, ${kb(brotli(file))} brotli`,
    ),
  ];
  console.log(lines.join('\n'));
  return [{ name: 'docs site size', bytes: compressed }];
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
