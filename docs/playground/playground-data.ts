/**
 * What the in-browser order server starts from: the demo store document
 * (examples/data/store.json) and the server's own schema migrations
 * (packages/server/migrations/*.sql), both bundled by Vite, so there is no second copy of
 * either to keep in sync.
 *
 * The demo offers name their images by site path (`/examples/data/images/…`), which only the
 * `chainkit serve` start page has; here each one is rewritten to the bundled asset's URL.
 */
import type { Migration } from '@chainkit/server/browser';
import storeDocument from '../../examples/data/store.json';

const migrationFiles = import.meta.glob<string>('../../packages/server/migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const imageFiles = import.meta.glob<string>('../../examples/data/images/*.svg', {
  query: '?url',
  import: 'default',
  eager: true,
});

const IMAGE_PREFIX = '/examples/data/images/';

/** The migrations as `{ name, sql }`, in name order. */
export function playgroundMigrations(): Migration[] {
  return Object.entries(migrationFiles)
    .map(([path, sql]) => ({ name: path.slice(path.lastIndexOf('/') + 1), sql }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function bundledImage(src: unknown): unknown {
  if (typeof src !== 'string' || !src.startsWith(IMAGE_PREFIX)) return src;
  return imageFiles[`../../examples/data/images/${src.slice(IMAGE_PREFIX.length)}`] ?? src;
}

/** A copy of the demo store document whose offer images point at the bundled files. */
export function playgroundStore(): unknown {
  const doc = structuredClone(storeDocument) as { offers?: { images?: unknown[] }[] };
  for (const offer of doc.offers ?? []) {
    if (Array.isArray(offer.images)) offer.images = offer.images.map(bundledImage);
  }
  return doc;
}
