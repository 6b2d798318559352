/**
 * Reading a store file from disk (Node only). Kept apart from `store-file.ts`, whose parsing
 * and validation also run in browsers (`@chainkit/server/browser`).
 */
import { parseStore, StoreFileError, type StoreConfig } from './store-file.js';

/** Reads and validates a store file (Node only). Throws `StoreFileError` listing every problem. */
export async function loadStoreFile(file: string): Promise<StoreConfig> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreFileError(file, [{ path: '', message: `cannot be read: ${reason}` }]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreFileError(file, [{ path: '', message: `is not valid JSON: ${reason}` }]);
  }
  const result = parseStore(doc);
  if (!result.ok) throw new StoreFileError(file, result.problems);
  return result.store;
}
