/**
 * The Vite settings the playground's pages need, as one plugin the docs config adds to its
 * `plugins` (docs/vite.config.ts picks up this module's one exported function):
 *
 * - PGlite stays out of Vite's dev pre-bundling (its `.wasm` and `.data` files are found next
 *   to its module through `new URL(…, import.meta.url)`; pre-bundling would move the module).
 * - `virtual:chainkit-playground-db`: the URL of the demo database made ready at build time
 *   (make-snapshot.mjs), so the page skips PostgreSQL's `initdb`.
 * - In `vite dev` only, the playground pages drop their CSP meta tag (dev CSS is inline).
 * - msw's service worker script (`mockServiceWorker.js`) is served at the site's base in dev
 *   and written to the build output, copied from the installed msw every time, so its version
 *   always matches the `msw` library bundled into the page (msw checks that at start).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';

const WORKER_FILE = 'mockServiceWorker.js';
const SNAPSHOT_ID = 'virtual:chainkit-playground-db';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function workerSource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve(`msw/${WORKER_FILE}`), 'utf8');
}

/** Runs make-snapshot.mjs in its own Node process; resolves with the file it wrote. */
function writeSnapshot(): Promise<string> {
  const file = join(repoRoot, 'node_modules/.cache/chainkit-playground/demo-db.pgdata');
  const script = fileURLToPath(new URL('./make-snapshot.mjs', import.meta.url));
  return new Promise((done, fail) => {
    execFile(process.execPath, [script, file], { cwd: repoRoot }, (error, _stdout, stderr) => {
      if (error) fail(new Error(`making the playground's demo database failed: ${stderr || error.message}`));
      else done(file);
    });
  });
}

/** The playground's Vite plugin: dev/build settings plus msw's worker script at `<base>mockServiceWorker.js`. */
export function chainkitPlayground(): Plugin {
  let config: ResolvedConfig | undefined;
  let snapshot: Promise<string> | undefined;
  return {
    name: 'chainkit-playground',
    config: () => ({
      optimizeDeps: { exclude: ['@electric-sql/pglite'] },
      worker: { format: 'es' },
      assetsInclude: ['**/*.data'],
    }),
    configResolved(resolved) {
      config = resolved;
    },
    resolveId(id) {
      return id === SNAPSHOT_ID ? `\0${SNAPSHOT_ID}` : undefined;
    },
    async load(id) {
      if (id !== `\0${SNAPSHOT_ID}`) return undefined;
      const file = await (snapshot ??= writeSnapshot());
      return `export { default } from ${JSON.stringify(`${file}?url`)};`;
    },
    configureServer(server) {
      const path = `${config?.base ?? '/'}${WORKER_FILE}`;
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== path) return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(workerSource());
      });
    },
    // Vite's dev server injects CSS as <style> elements, which the pages' strict CSP (meant for
    // the built site) refuses; in dev only, the playground pages go without it.
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!context.server || !context.path.includes('/playground/')) return html;
        return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, '');
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: workerSource() });
    },
  };
}
