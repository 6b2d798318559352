/**
 * What the browser benchmarks share: bundle an entry into a one-page site in a temp folder
 * (esbuild, minified, workspace sources through the `source` condition) and serve it on
 * 127.0.0.1 for Chromium to open.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Writes `dir/bench.js` (the bundled `entry`, resolved from `resolveDir`) and `dir/index.html`. */
export async function bundlePage(dir, { entry, html, resolveDir }) {
  await build({
    stdin: { contents: entry, resolveDir, sourcefile: 'bench-entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    conditions: ['source'],
    outfile: join(dir, 'bench.js'),
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await writeFile(join(dir, 'index.html'), html);
}

/** Serves the page `bundlePage` wrote; resolves with the listening server (port 0: any free port). */
export function servePage(dir) {
  const files = { '/': 'index.html', '/index.html': 'index.html', '/bench.js': 'bench.js' };
  const types = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8' };
  const server = createServer(async (request, response) => {
    const name = files[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!name) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[name.split('.').pop()], 'Cache-Control': 'no-store' });
    response.end(await readFile(join(dir, name)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
