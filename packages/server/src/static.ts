/**
 * Static files beside the API on one origin, for `npm start`: the example pages and the
 * docs. Kept out of `app.ts` so the app itself stays platform-neutral (it also runs in the
 * browser for the docs playground).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** URL prefix (`/examples/`, with both slashes) → folder on disk. */
export type StaticRoots = Readonly<Record<string, string>>;

export interface StaticSite {
  /** Whether `pathname` belongs to one of the static prefixes (or is `/`, which redirects). */
  matches(pathname: string): boolean;
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

function normalisePrefix(prefix: string): string {
  let p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  if (!p.endsWith('/')) p += '/';
  return p;
}

/**
 * A small Hono app serving each root under its prefix: `/examples` redirects to
 * `/examples/`, a folder serves its `index.html`, and `/` redirects to the first prefix.
 * Missing folders are skipped (the pages may not be written yet).
 */
export function createStaticSite(roots: StaticRoots): StaticSite {
  const entries = Object.entries(roots)
    .map(([prefix, dir]) => [normalisePrefix(prefix), resolve(dir)] as const)
    .filter(([, dir]) => existsSync(dir));
  const site = new Hono();
  site.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });
  const first = entries[0];
  if (first) site.get('/', (c) => c.redirect(first[0], 302));
  // Longest prefix first, so a nested root (`/examples/react-vite/` → a build folder) wins over
  // the folder of its parent prefix; `/` still redirects to the first root given.
  for (const [prefix, dir] of [...entries].sort(([a], [b]) => b.length - a.length)) {
    site.get(prefix.slice(0, -1), (c) => c.redirect(prefix, 301));
    site.get(
      `${prefix}*`,
      serveStatic({ root: dir, rewriteRequestPath: (path) => path.slice(prefix.length - 1) }),
    );
    // A folder without index.html gets a plain listing, so whatever exists can be browsed.
    site.get(`${prefix}*`, (c) => {
      const listing = listFolder(dir, c.req.path.slice(prefix.length), prefix);
      return listing === null ? c.notFound() : c.html(listing);
    });
  }
  site.notFound((c) => c.text('Not found', 404));
  return {
    matches(pathname) {
      if (pathname === '/' && first) return true;
      return entries.some(([prefix]) => pathname === prefix.slice(0, -1) || pathname.startsWith(prefix));
    },
    fetch: (request, env) => site.fetch(request, env),
  };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** An HTML listing of `dir/sub`, or null when it is not a folder inside `dir`. */
function listFolder(dir: string, sub: string, prefix: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(sub);
  } catch {
    return null;
  }
  if (decoded !== '' && !decoded.endsWith('/')) return null;
  const folder = resolve(dir, decoded);
  const inside = relative(dir, folder);
  if (inside.startsWith('..') || inside.split(sep).some((part) => part.startsWith('.'))) return null;
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) return null;
    names = readdirSync(folder).filter((name) => !name.startsWith('.') && name !== 'node_modules');
  } catch {
    return null;
  }
  const items = names
    .sort()
    .map((name) => {
      const isDir = statSync(join(folder, name)).isDirectory();
      const href = encodeURIComponent(name) + (isDir ? '/' : '');
      return `<li><a href="${href}">${escapeHtml(name)}${isDir ? '/' : ''}</a></li>`;
    })
    .join('');
  const title = escapeHtml(`${prefix}${decoded}`);
  return `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><ul>${decoded ? '<li><a href="../">../</a></li>' : ''}${items}</ul>`;
}
