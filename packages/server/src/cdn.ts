/**
 * `/cdn/*`: the browser build of the elements (`@chainkit/elements`' `dist-cdn/`: the loader
 * `chainkit.js`, its hashed chunks, the full bundle, source maps), so a chain master serves the
 * widgets from the same origin as the API:
 *
 *   <script src="https://orders.example/cdn/chainkit.js" defer></script>
 *
 * - Files with a content hash in their name (`chain-cart-1a2B3c4D.js`, its `.map`) never change:
 *   `Cache-Control: public, max-age=31536000, immutable`.
 * - Stable names (`chainkit.js`, `chainkit.full.js`, `manifest.json`, …) change with each
 *   release: `public, max-age=300` plus an `ETag`, so a new release reaches pages within
 *   minutes and a revalidation costs a 304.
 * - Open to every origin (`Access-Control-Allow-Origin: *`, `Cross-Origin-Resource-Policy:
 *   cross-origin`): the chunks are ES modules, which a page on another origin loads in CORS
 *   mode. Never credentials.
 * - `Content-Encoding: br` or `gzip` from the `.br`/`.gz` files the build writes beside each
 *   script, when the request accepts it (`Vary: Accept-Encoding`).
 * - GET and HEAD only; anything outside the folder, hidden, or missing is a 404.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, relative, resolve, sep } from 'node:path';

/** The URL prefix the files are served under. */
export const CDN_PREFIX = '/cdn/';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const SHORT_CACHE = 'public, max-age=300';

/** Precompressed siblings the build writes, in order of preference. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/** Whether an `Accept-Encoding` header accepts `encoding` (named, or `*`, with q > 0). */
export function accepts(header: string | null, encoding: string): boolean {
  if (!header) return false;
  return header.split(',').some((item) => {
    const [name = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (name !== encoding && name !== '*') return false;
    const q = params.find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Whether an `If-None-Match` header names `etag` (weakly compared, as RFC 9110 asks for GET). */
function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

/** A file name carrying a build hash: `<name>-<8 base64url characters>.js`, or its source map. */
const HASHED = /-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface CdnSite {
  /** The folder served. */
  readonly dir: string;
  /** Whether `pathname` is under `/cdn` (these requests are answered here, found or not). */
  matches(pathname: string): boolean;
  fetch(request: Request): Promise<Response>;
}

/**
 * The `dist-cdn/` folder of the installed `@chainkit/elements`, or `undefined` when the package
 * is not installed next to the server or its CDN build was not made (`npm run build:cdn -w
 * @chainkit/elements`).
 */
export function defaultCdnDir(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('@chainkit/elements/cdn/manifest.json');
    return dirname(manifest);
  } catch {
    return undefined;
  }
}

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
}

/** Serves `dir` under `/cdn/`. */
export function createCdnSite(dir: string): CdnSite {
  const root = resolve(dir);
  const cache = new Map<string, CachedFile>();

  /** The file for a URL path inside the folder, or null (outside, hidden, not a file). */
  async function load(path: string): Promise<CachedFile | null> {
    const file = resolve(root, path);
    const inside = relative(root, file);
    if (inside === '' || inside.startsWith('..') || inside.split(sep).some((part) => part.startsWith('.'))) {
      return null;
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = new Uint8Array(await readFile(file));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const entry = { mtimeMs: info.mtimeMs, size: info.size, body, etag };
    cache.set(file, entry);
    return entry;
  }

  return {
    dir: root,
    matches: (pathname) => pathname === CDN_PREFIX.slice(0, -1) || pathname.startsWith(CDN_PREFIX),
    async fetch(request) {
      const headers = new Headers({
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'X-Content-Type-Options': 'nosniff',
      });
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        headers.set('Allow', 'GET, HEAD');
        return new Response('Method not allowed', { status: 405, headers });
      }
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(CDN_PREFIX)) return new Response('Not found', { status: 404, headers });
      let path: string;
      try {
        path = decodeURIComponent(pathname.slice(CDN_PREFIX.length));
      } catch {
        return new Response('Not found', { status: 404, headers });
      }
      const type = CONTENT_TYPES[extname(path)];
      const file = type && !path.includes('\0') ? await load(path) : null;
      if (!file || !type) return new Response('Not found', { status: 404, headers });

      headers.set('Content-Type', type);
      headers.set('Cache-Control', HASHED.test(path) ? IMMUTABLE_CACHE : SHORT_CACHE);
      headers.set('Vary', 'Accept-Encoding');

      // Each encoding is its own representation, with its own ETag.
      let chosen = file;
      for (const [encoding, suffix] of ENCODINGS) {
        if (!accepts(request.headers.get('Accept-Encoding'), encoding)) continue;
        const compressed = await load(`${path}${suffix}`);
        if (compressed) {
          chosen = compressed;
          headers.set('Content-Encoding', encoding);
          break;
        }
      }
      headers.set('ETag', chosen.etag);
      if (etagMatches(request.headers.get('If-None-Match'), chosen.etag)) {
        return new Response(null, { status: 304, headers });
      }
      headers.set('Content-Length', String(chosen.body.byteLength));
      const body = chosen.body;
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    },
  };
}

/** `createCdnSite` for `dir`, or for {@link defaultCdnDir} when `dir` is undefined; null when there is none. */
export function resolveCdnSite(dir: string | false | undefined): CdnSite | null {
  if (dir === false) return null;
  const folder = dir ?? defaultCdnDir();
  return folder !== undefined && existsSync(folder) ? createCdnSite(folder) : null;
}
