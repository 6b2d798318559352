#!/usr/bin/env node
// `npm start`: the demo on one origin — the order server with examples/data/store.json on
// the embedded database (PGlite in ./.chainkit-data), the example pages under /examples/
// and the docs under /docs/. PORT (default 8787) picks the port; it listens on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const serverDist = join(root, 'packages/server/dist/node.js');

// `npm install` builds every package (the root `prepare` step); build here when it did not.
if (!existsSync(serverDist) || !existsSync(join(root, 'packages/core/dist/index.js'))) {
  console.log('Building the packages (npx tsc -b)…');
  const built = spawnSync('npx', ['tsc', '-b'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const { startServer } = await import(pathToFileURL(serverDist).href);
const { StoreFileError } = await import(
  pathToFileURL(join(root, 'packages/server/dist/store/store-file.js')).href
);

const port = process.env.PORT ? Number(process.env.PORT) : 8787;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}")`);
  process.exit(2);
}

// Docs: a built docs site when there is one, else the docs folder as it is.
const builtDocs = join(root, 'docs/.vitepress/dist');
const staticRoots = {
  '/examples/': join(root, 'examples'),
  '/docs/': existsSync(builtDocs) ? builtDocs : join(root, 'docs'),
};

let server;
try {
  server = await startServer({
    storeFile: join(root, 'examples/data/store.json'),
    database: join(root, '.chainkit-data'),
    port,
    host: '127.0.0.1',
    staticRoots,
  });
} catch (error) {
  if (error instanceof StoreFileError) console.error(error.message);
  else if (error?.code === 'EADDRINUSE') console.error(`Port ${port} is in use; try PORT=8788 npm start`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const { url } = server;
const line = (label, value) => `  ${label.padEnd(10)} ${value}`;
console.log(
  [
    '',
    'Chainkit demo is running (Ctrl+C stops it).',
    '',
    line('API', `${url}/v1/offers  (Authorization: Bearer pk_test_demo)`),
    line('OpenAPI', `${url}/v1/openapi.json`),
    line('Examples', `${url}/examples/`),
    line('Images', `${url}/examples/data/images/`),
    line('Docs', `${url}/docs/`),
    line('Database', `${join(root, '.chainkit-data')} (embedded PGlite; delete it to start afresh)`),
    line('Webhooks', 'to http://127.0.0.1:7001/hooks/<factory-id> (see examples/data/README.md)'),
    '',
  ].join('\n'),
);
