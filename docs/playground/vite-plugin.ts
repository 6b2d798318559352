/**
 * The Vite settings the playground's pages need, as one plugin the docs config adds to its
 * `plugins` (docs/vite.config.ts picks up this module's one exported function):
 *
 * - PGlite stays out of Vite's dev pre-bundling (its `.wasm` and `.data` files are found next
 *   to its module through `new URL(…, import.meta.url)`; pre-bundling would move the module).
 * - In `vite dev` only, the playground pages drop their CSP meta tag (dev CSS is inline).
 * - msw's service worker script (`mockServiceWorker.js`) is served at the site's base in dev
 *   and written to the build output, copied from the installed msw every time, so its version
 *   always matches the `msw` library bundled into the page (msw checks that at start).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin, ResolvedConfig } from 'vite';

const WORKER_FILE = 'mockServiceWorker.js';

function workerSource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve(`msw/${WORKER_FILE}`), 'utf8');
}

/** The playground's Vite plugin: dev/build settings plus msw's worker script at `<base>mockServiceWorker.js`. */
export function chainkitPlayground(): Plugin {
  let config: ResolvedConfig | undefined;
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
