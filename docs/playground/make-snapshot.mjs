/**
 * Writes the playground's demo database (a gzipped PGlite data directory) to the file named by
 * the first argument: PGlite in Node, the server's migrations and the demo catalog
 * (examples/data/store.json), through the same browser entry the page uses (its build,
 * packages/server/dist/browser.js, from `npx tsc -b`). The page starts from it instead of
 * running PostgreSQL's `initdb`. Run by vite-plugin.ts in its own process (Vite loads the
 * plugin in a module runner that is gone by the time the build asks for the file).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.argv[2];
if (!out) throw new Error('usage: node make-snapshot.mjs OUT_FILE');

const entry = join(repoRoot, 'packages/server/dist/browser.js');
if (!existsSync(entry)) throw new Error(`${entry} is missing: build the packages first (npx tsc -b)`);
const { createInBrowserServer } = await import(pathToFileURL(entry).href);
const migrationsDir = join(repoRoot, 'packages/server/migrations');
const migrations = readdirSync(migrationsDir)
  .filter((name) => name.endsWith('.sql'))
  .sort()
  .map((name) => ({ name, sql: readFileSync(join(migrationsDir, name), 'utf8') }));
const store = JSON.parse(readFileSync(join(repoRoot, 'examples/data/store.json'), 'utf8'));

const server = await createInBrowserServer({ store, migrations });
try {
  const archive = Buffer.from(await (await server.dumpDataDir()).arrayBuffer());
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, archive);
} finally {
  await server.close();
}
