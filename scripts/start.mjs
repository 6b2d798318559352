#!/usr/bin/env node
// `npm start`: the demo on one origin — the order server with examples/data/store.json on
// the embedded database (PGlite in ./.chainkit-data), the example pages under /examples/,
// the docs under /docs/ and the elements' browser build under /cdn/. PORT (default 8787)
// picks the port; it listens on 127.0.0.1. It also runs the demo factories' webhook receiver
// (examples/factory-receiver, on 127.0.0.1:7001) as a child process, stopped with the server.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
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

// The elements' browser build (/cdn/chainkit.js), made by `npm install` too.
if (!existsSync(join(root, 'packages/elements/dist-cdn/manifest.json'))) {
  console.log('Building the browser bundles (npm run build:cdn -w @chainkit/elements)…');
  const built = spawnSync('npm', ['run', 'build:cdn', '-w', '@chainkit/elements'], {
    cwd: root,
    stdio: 'inherit',
  });
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

// Docs: the built docs site (docs/dist, `npm run build:docs`), built here when missing; if that
// fails, the docs folder as it is.
const builtDocs = join(root, 'docs/dist');
if (!existsSync(join(builtDocs, 'index.html'))) {
  console.log('Building the docs (npm run build:docs)…');
  const built = spawnSync('npm', ['run', 'build:docs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) console.warn('The docs did not build; serving the Markdown files instead.');
}
// The React + Vite shop (examples/react-vite) is served from its build, built here when missing.
const reactShop = join(root, 'examples/react-vite/dist');
if (!existsSync(join(reactShop, 'index.html'))) {
  console.log('Building the React shop (npm run build -w @chainkit/example-react-vite)…');
  const built = spawnSync('npm', ['run', 'build', '-w', '@chainkit/example-react-vite'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) console.warn('The React shop did not build; /examples/react-vite/ is not served.');
}
const staticRoots = {
  '/examples/': join(root, 'examples'),
  '/examples/react-vite/': reactShop,
  '/docs/': existsSync(join(builtDocs, 'index.html')) ? builtDocs : join(root, 'docs'),
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

// The partner factories' side: receives the webhooks, accepts and ships through the factory API.
const receiver = spawn(
  process.execPath,
  [join(root, 'examples/factory-receiver/receiver.mjs'), '--api', url],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
);
for (const stream of [receiver.stdout, receiver.stderr]) {
  createInterface({ input: stream }).on('line', (text) => console.log(`[factory-receiver] ${text}`));
}
receiver.on('exit', (code, signal) => {
  if (code !== 0 && signal === null) {
    console.warn(
      `[factory-receiver] stopped (exit ${code}); webhooks will be retried by the server. ` +
        'Is port 7001 taken? Run it yourself: node examples/factory-receiver/receiver.mjs',
    );
  }
});
process.on('exit', () => receiver.kill('SIGTERM'));

const line = (label, value) => `  ${label.padEnd(10)} ${value}`;
console.log(
  [
    '',
    'Chainkit demo is running (Ctrl+C stops it).',
    '',
    line('API', `${url}/v1/offers  (Authorization: Bearer pk_test_demo)`),
    line('OpenAPI', `${url}/v1/openapi.json`),
    line('Start', `${url}/  (links to everything)`),
    line('Shop', `${url}/examples/script-tag/`),
    line('React', `${url}/examples/react-vite/  (React + Vite shop)`),
    line('Examples', `${url}/examples/`),
    line(
      'Loader',
      server.cdn
        ? `${url}/cdn/chainkit.js  (<script src="…" defer>)`
        : 'not built (npm run build:cdn -w @chainkit/elements)',
    ),
    line('Images', `${url}/examples/data/images/`),
    line('Docs', `${url}/docs/`),
    line('Database', `${join(root, '.chainkit-data')} (embedded PGlite; delete it to start afresh)`),
    line(
      'Webhooks',
      'to http://127.0.0.1:7001/hooks/<factory-id>, the factory receiver (examples/factory-receiver)',
    ),
    '',
  ].join('\n'),
);
