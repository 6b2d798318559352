// A build plugin that shortens the elements' message ids (`orderForm.field.name.invalid`) in the
// CDN build: the ids are only keys between a `msg(…, { id })` call and the translation maps, and
// a shop page ships each of them twice (in the code and in the text chunk of its language).
// Every id found in packages/elements/src gets a number in sorted order, written in base 36
// after `_` (`_0` … `_5a`): the same in every module whatever the order they are built in, and
// short numbers compress better than hashes.
//
// Rewritten, in packages/elements/src only: `id: '<namespace>.…'` (the msg() options; options
// holding only the id become the short id itself, `msg('Cart', '_1')`, which the build's msg()
// in src/internal/localize-runtime.ts takes) and, in translations/ files, map keys
// `'<namespace>.…':`. An id in a translation map that no msg()
// call uses fails the build. Line breaks are kept, so source maps stay right but for columns
// (as in minify-templates.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../src');

/** The namespaces of message ids, one per element folder (see locales/zh-CN.ts). */
const NAMESPACES = 'cart|catalog|ladder|orderForm|status';
const CALL_ID = new RegExp(`(\\bid:\\s*)(['"])((?:${NAMESPACES})\\.[\\w.]+)\\2`, 'g');
/** msg() options with nothing but the id: `{ id: 'cart.title' }`. */
const ONLY_ID = new RegExp(`\\{\\s*id:\\s*(['"])((?:${NAMESPACES})\\.[\\w.]+)\\1\\s*,?\\s*\\}`, 'g');
const MAP_KEY = new RegExp(`^(\\s*)(['"])((?:${NAMESPACES})\\.[\\w.]+)\\2(\\s*:)`, 'gm');
/** A quoted message id left over, outside comment lines: in a form the patterns above miss. */
const LEFT_OVER = new RegExp(`^(?!\\s*(?:\\*|//)).*?((['"])(?:${NAMESPACES})\\.[\\w.]+\\2)`, 'm');

/** Every message id of the `msg()` calls under `dir`, each mapped to its short form. */
export function messageIds(dir = SRC) {
  const ids = new Set();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of code.matchAll(CALL_ID)) ids.add(match[3]);
  }
  return new Map([...ids].sort().map((id, index) => [id, `_${index.toString(36)}`]));
}

/** Rewrites the message ids in one module's `code` with `ids` (from {@link messageIds}). */
export function shortenMessageIds(code, { translations, ids }) {
  const short = (id) => {
    const s = ids.get(id);
    if (s === undefined) throw new Error(`message id ${id} has a translation but no msg() call uses it`);
    return s;
  };
  let out = code
    .replace(ONLY_ID, (all, quote, id) => `${quote}${short(id)}${quote}${all.replace(/[^\n]/g, '')}`)
    .replace(CALL_ID, (_, before, quote, id) => `${before}${quote}${short(id)}${quote}`);
  if (translations) {
    out = out.replace(
      MAP_KEY,
      (_, indent, quote, id, colon) => `${indent}${quote}${short(id)}${quote}${colon}`,
    );
  }
  // A message id missed here would show its English text on a translated page: fail instead.
  const missed = LEFT_OVER.exec(out);
  if (missed)
    throw new Error(`message id ${missed[1]} is written in a form short-message-ids.mjs does not rewrite`);
  return out;
}

/** The Vite/Rolldown plugin. */
export function shortMessageIdsPlugin(include = /[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/) {
  const ids = messageIds();
  return {
    name: 'chainkit:short-message-ids',
    transform(code, id) {
      if (!include.test(id)) return null;
      const translations = /[\\/]translations[\\/]/.test(id);
      const out = shortenMessageIds(code, { translations, ids });
      return out === code ? null : { code: out, map: null };
    },
  };
}
