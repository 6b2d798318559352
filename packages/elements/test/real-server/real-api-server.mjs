// The real order server for element tests, run as a child process of the Web Test Runner by
// real-api.mjs (so starting PGlite never blocks the test runner's own event loop): the demo
// store (examples/data/store.json) with test keys over in-memory PGlite, packages/server's
// createApp behind @hono/node-server on a free 127.0.0.1 port. Prints `PORT <n>` when ready and
// exits when its parent goes away.
//
//   node real-api-server.mjs <allowed origin> <publishable key> <secret key>
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const [origin, publishableKey, secretKey] = process.argv.slice(2);
const STORE_FILE = new URL('../../../../examples/data/store.json', import.meta.url);
const SERVER_DIST = new URL('../../../server/dist/index.js', import.meta.url);

process.on('disconnect', () => process.exit(0));

const server = await import(SERVER_DIST.href);
const { getRequestListener } = await import('@hono/node-server');
const doc = JSON.parse(await readFile(STORE_FILE, 'utf8'));
doc.keys = { publishable: [{ key: publishableKey, allowedOrigins: [origin] }], secret: secretKey };
delete doc.webhooks;
const parsed = server.parseStore(doc);
if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
const db = await server.openDatabase('memory');
await server.importCatalog(db, parsed.store.catalog);
const app = server.createApp({ db, store: parsed.store, rateLimit: false });
const http = createServer(getRequestListener(app.fetch));
http.listen(0, '127.0.0.1', () => {
  process.send?.(`PORT ${http.address().port}`);
});
