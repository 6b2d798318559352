/**
 * The playground's API: the order server's own app (`@chainkit/server/browser`) over PGlite in
 * this page, reached through msw's service worker. The worker sends every request of this page
 * and of the preview frame (a same-origin frame it controls) to the page that started it; the
 * handler passes the ones under {@link API_PATH} to the app, unchanged but for the path prefix,
 * so the preview sees exactly the responses a real server gives.
 */
import { createInBrowserServer, type InBrowserServer } from '@chainkit/server/browser';
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { API_PATH } from './api-path.js';
import { imageUrl, playgroundMigrations, playgroundStore } from './playground-data.js';
import snapshotUrl from 'virtual:chainkit-playground-db';

async function forward(server: InBrowserServer, request: Request): Promise<Response> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(API_PATH.length) || '/';
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return server.fetch(
    new Request(url, {
      method: request.method,
      headers: request.headers,
      ...(hasBody ? { body: await request.arrayBuffer() } : {}),
    }),
  );
}

/** The demo database made at build time, or `undefined` (then PGlite runs `initdb` here). */
async function snapshot(): Promise<Blob | undefined> {
  try {
    const response = await fetch(snapshotUrl);
    if (!response.ok) return undefined;
    return new Blob([await response.arrayBuffer()], { type: 'application/x-gzip' });
  } catch {
    return undefined;
  }
}

/**
 * The demo offers name their images by site path (`/examples/data/images/…`, as served by
 * `chainkit serve`); here they come from the docs' own bundled copies, so the store document
 * stays exactly examples/data/store.json.
 */
async function image(name: string): Promise<Response> {
  const url = imageUrl(name);
  if (!url) return new Response(null, { status: 404 });
  const file = await fetch(url);
  return new Response(file.body, { status: file.status, headers: { 'Content-Type': 'image/svg+xml' } });
}

/**
 * Boots PGlite (in memory, from the prepared demo database: a fresh demo store per visit, alive
 * while this page is open, across re-renders of the preview), applies any newer migrations and
 * catalog, and starts the worker. Resolves once requests from a newly loaded preview frame will
 * be answered.
 */
export async function startPlaygroundApi(): Promise<InBrowserServer> {
  const archive = await snapshot();
  const server = await createInBrowserServer({
    store: playgroundStore(),
    migrations: playgroundMigrations(),
    ...(archive ? { dataDirArchive: archive } : {}),
  });
  const base = import.meta.env.BASE_URL;
  const worker = setupWorker(
    http.all(`${location.origin}${API_PATH}/*`, ({ request }) => forward(server, request)),
    http.get(`${location.origin}/examples/data/images/:name`, ({ params }) => image(String(params.name))),
  );
  await worker.start({
    serviceWorker: { url: `${base}mockServiceWorker.js`, options: { scope: base } },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return server;
}
