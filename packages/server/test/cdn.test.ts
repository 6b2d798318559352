/**
 * `/cdn/*`: the elements' browser build beside the API — caching by file kind (immutable for
 * hashed chunks, short for the loader), CORS open for scripts, content types, precompressed
 * bodies, ETags, and nothing outside the folder.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepts, createCdnSite, IMMUTABLE_CACHE, SHORT_CACHE, type CdnSite } from '../src/cdn.js';
import { openDatabase } from '../src/db/open-database.js';
import type { ScriptDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer } from '../src/node.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

const LOADER = '(function(){/* loader */})();';
const CHUNK = 'export const chunk = 1;'.repeat(50);

let dir: string;
let site: CdnSite;

beforeAll(() => {
  const parent = mkdtempSync(join(tmpdir(), 'chainkit-cdn-'));
  dir = join(parent, 'dist-cdn');
  mkdirSync(dir);
  writeFileSync(join(parent, 'secret.txt'), 'outside');
  writeFileSync(join(dir, 'chainkit.js'), LOADER);
  writeFileSync(join(dir, 'chainkit.js.map'), '{"version":3}');
  writeFileSync(join(dir, 'chain-cart-Ab3_x-Z9.js'), CHUNK);
  writeFileSync(join(dir, 'chain-cart-Ab3_x-Z9.js.br'), brotliCompressSync(CHUNK));
  writeFileSync(join(dir, 'chain-cart-Ab3_x-Z9.js.map'), '{"version":3}');
  writeFileSync(join(dir, 'manifest.json'), '{"version":"0.1.0"}');
  writeFileSync(join(dir, '.hidden.js'), 'hidden');
  site = createCdnSite(dir);
});

afterAll(() => {
  rmSync(dirname(dir), { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  site.fetch(new Request(`http://cdn.test${path}`, { method, headers }));

describe('createCdnSite', () => {
  it('serves the loader with short caching, CORS open and a JavaScript type', async () => {
    const response = await get('/cdn/chainkit.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(SHORT_CACHE);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(await response.text()).toBe(LOADER);
  });

  it('caches hashed chunks and their source maps for a year, immutable', async () => {
    const chunk = await get('/cdn/chain-cart-Ab3_x-Z9.js');
    expect(chunk.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    expect(chunk.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(chunk.headers.get('access-control-allow-origin')).toBe('*');
    expect(await chunk.text()).toBe(CHUNK);

    const map = await get('/cdn/chain-cart-Ab3_x-Z9.js.map');
    expect(map.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    expect(map.headers.get('content-type')).toBe('application/json; charset=utf-8');

    const loaderMap = await get('/cdn/chainkit.js.map');
    expect(loaderMap.headers.get('cache-control')).toBe(SHORT_CACHE);
    const manifest = await get('/cdn/manifest.json');
    expect(manifest.headers.get('cache-control')).toBe(SHORT_CACHE);
    expect(manifest.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('sends the precompressed brotli body only to clients that accept it', async () => {
    const br = await get('/cdn/chain-cart-Ab3_x-Z9.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const body = new Uint8Array(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(body.byteLength);
    expect(brotliDecompressSync(body).toString()).toBe(CHUNK);

    const refused = await get('/cdn/chain-cart-Ab3_x-Z9.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(await refused.text()).toBe(CHUNK);
    // No .br beside the loader in this folder: identity, whatever the client accepts.
    const loader = await get('/cdn/chainkit.js', { 'Accept-Encoding': 'br' });
    expect(loader.headers.get('content-encoding')).toBeNull();
    // Each representation has its own ETag.
    expect(br.headers.get('etag')).not.toBe(refused.headers.get('etag'));
  });

  it('answers a matching If-None-Match with 304 and HEAD without a body', async () => {
    const first = await get('/cdn/chainkit.js');
    const etag = first.headers.get('etag') as string;
    const again = await get('/cdn/chainkit.js', { 'If-None-Match': `W/${etag}` });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(SHORT_CACHE);
    expect(await again.text()).toBe('');
    const changed = await get('/cdn/chainkit.js', { 'If-None-Match': '"other"' });
    expect(changed.status).toBe(200);

    const head = await get('/cdn/chainkit.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(LOADER.length));
    expect(await head.text()).toBe('');
  });

  it('serves nothing outside the folder, hidden, unknown or by another method', async () => {
    for (const path of [
      '/cdn/../secret.txt',
      '/cdn/%2e%2e/secret.txt',
      '/cdn/..%2fsecret.txt',
      '/cdn/.hidden.js',
      '/cdn/missing.js',
      '/cdn/chain-cart-Ab3_x-Z9.js.br',
      '/cdn/',
      '/cdn/%E0%A4%A',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
    const post = await get('/cdn/chainkit.js', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('claims /cdn and /cdn/… only', () => {
    expect(site.matches('/cdn')).toBe(true);
    expect(site.matches('/cdn/chainkit.js')).toBe(true);
    expect(site.matches('/cdnx/chainkit.js')).toBe(false);
    expect(site.matches('/v1/offers')).toBe(false);
  });

  it('reads Accept-Encoding with q-values', () => {
    expect(accepts('gzip, br', 'br')).toBe(true);
    expect(accepts('BR;q=0.5', 'br')).toBe(true);
    expect(accepts('br;q=0', 'br')).toBe(false);
    expect(accepts('*', 'br')).toBe(true);
    expect(accepts('gzip', 'br')).toBe(false);
    expect(accepts(null, 'br')).toBe(false);
  });
});

describe('startServer serves /cdn/', () => {
  let db: ScriptDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    db = await openDatabase('memory');
    server = await startServer({
      storeFile: join(repoRoot, 'examples/data/store.json'),
      database: db,
      port: 0,
      dispatch: false,
      handleSignals: false,
      logger: createLogger({ level: 'silent' }),
      cdn: dir,
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('from the folder given, beside the API', async () => {
    expect(server.cdn).toBe(resolve(dir));
    const loader = await fetch(`${server.url}/cdn/chainkit.js`, {
      headers: { Origin: 'https://merchant.example' },
    });
    expect(loader.status).toBe(200);
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    expect(loader.headers.get('cache-control')).toBe(SHORT_CACHE);
    expect(await loader.text()).toBe(LOADER);
    const chunk = await fetch(`${server.url}/cdn/chain-cart-Ab3_x-Z9.js`);
    expect(chunk.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    // The API is still the API.
    const offers = await fetch(`${server.url}/v1/offers`, {
      headers: { Authorization: 'Bearer pk_test_demo' },
    });
    expect(offers.status).toBe(200);
  });
});
