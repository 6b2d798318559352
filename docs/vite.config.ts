/**
 * The docs site: `npm run build:docs` (vite build --config docs/vite.config.ts) writes a static
 * site to docs/dist, served under /docs/ (by `npm start`, or any static host at that path).
 * Markdown pages become HTML at build time (site/plugin.ts); the playground's own HTML files
 * under docs/playground/ are extra entries with their own Vite settings (its vite-plugin.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import { chainkitPlayground } from './playground/vite-plugin.js';
import { docsSite, pageEntries } from './site/plugin.js';
import type { OpenApiDocument } from './site/openapi.js';

const docsRoot = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(docsRoot, '..');

/** Every HTML file under docs/playground/, as named entries. */
function playgroundEntries(): Record<string, string> {
  const folder = join(docsRoot, 'playground');
  if (!existsSync(folder)) return {};
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    entries[relative(docsRoot, file).replace(/\.html$/, '')] = file;
  }
  return entries;
}

/** The server's OpenAPI document, from its build (npm install / `npx tsc -b` makes it). */
async function loadOpenApi(): Promise<OpenApiDocument> {
  const file = join(repoRoot, 'packages/server/dist/openapi/document.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the packages first (npx tsc -b)`);
  const module = (await import(pathToFileURL(file).href)) as { openApiDocument: OpenApiDocument };
  return module.openApiDocument;
}

export default defineConfig({
  root: docsRoot,
  base: '/docs/',
  publicDir: join(docsRoot, 'public'),
  // Workspace packages resolve to their TypeScript sources, as in the tests: never a stale build.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  plugins: [
    docsSite({
      docsRoot,
      repoRoot,
      manifestPath: join(repoRoot, 'packages/elements/custom-elements.json'),
      cdnManifestPath: join(repoRoot, 'packages/elements/dist-cdn/manifest.json'),
      loadOpenApi,
    }),
    // The playground's own Vite settings (docs/playground/, its module).
    chainkitPlayground(),
  ],
  build: {
    outDir: join(docsRoot, 'dist'),
    emptyOutDir: true,
    // Files, never data: URLs, so the pages need nothing beyond `'self'` in their CSP.
    assetsInlineLimit: 0,
    // .vite/manifest.json: which files each page loads (read by docs/bench/size.bench.mjs).
    manifest: true,
    rolldownOptions: {
      input: { ...pageEntries(docsRoot), ...playgroundEntries() },
      // PGlite's Emscripten glue holds two direct `eval`s for EM_ASM/EM_JS snippets that this
      // PostgreSQL build never runs: the playground works under a CSP without 'unsafe-eval'
      // (scripts/docs/site.test.ts fails on any violation). Only that warning, for PGlite, is dropped.
      onLog(level, log, handler) {
        if (log.code === 'EVAL' && /[\\/]@electric-sql[\\/]pglite[\\/]/.test(log.id ?? '')) return;
        handler(level, log);
      },
      // Entry names are page paths (`guide/routing`); keep every script flat in assets/.
      output: {
        entryFileNames: (chunk: { name: string }) => `assets/${chunk.name.replace(/\//g, '-')}-[hash].js`,
      },
    },
  },
});
