/**
 * What the in-browser order server starts from: the demo store document
 * (examples/data/store.json) and the server's own schema migrations
 * (packages/server/migrations/*.sql), both bundled by Vite, so there is no second copy of
 * either to keep in sync. The offers' images are bundled too (see `imageUrl`).
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

/** The migrations as `{ name, sql }`, in name order. */
export function playgroundMigrations(): Migration[] {
  return Object.entries(migrationFiles)
    .map(([path, sql]) => ({ name: path.slice(path.lastIndexOf('/') + 1), sql }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The bundled URL of `examples/data/images/<name>`, if there is such an image. */
export function imageUrl(name: string): string | undefined {
  return imageFiles[`../../examples/data/images/${name}`];
}

/** The demo store document, as it is. */
export function playgroundStore(): unknown {
  return storeDocument;
}
