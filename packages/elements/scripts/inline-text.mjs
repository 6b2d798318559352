// A build plugin for the CDN's Chinese shop chunks: the Chinese text written into the elements'
// `msg()` calls in place of the English, so a Chinese shop page loads its text with the code, and
// neither the English (which it does not show) nor a separate text chunk. The English becomes the
// text loaded on demand, for a page that switches language.
//
// - In packages/elements/src (translations/ and locales/ aside), each `msg('English', { id })`
//   becomes `msg('中文', { id })`, and each `msg(str`… ${a} …`, { id })` keeps its expressions
//   with the Chinese text around them. A translation must use its values in the source's order,
//   each once (all of today's do): the calls keep their values, and the English module's
//   templates index them as the source does. A message without a Chinese text fails the build.
// - `src/internal/text-modules.ts` is replaced by a module naming `zh-CN` as the code's language
//   and loading the English (`\0chainkit-text:en`, a chunk named `en-<hash>.js`) on demand.
//
// Line breaks are kept (moved after a replaced argument), so source maps stay right but for
// columns, as in minify-templates.mjs. The message ids are left as they are for
// short-message-ids.mjs, which runs after this plugin; the English module's ids are shortened
// here with the same numbering.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { messageIds } from './short-message-ids.mjs';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../src');
const TEXT_MODULES = join(SRC, 'internal/text-modules.ts');
const ENGLISH_ID = '\0chainkit-text:en';
/** Sources whose `msg()` calls are rewritten: the elements' own modules, not their translations. */
const REWRITTEN = /[\\/]packages[\\/]elements[\\/]src[\\/](?!.*[\\/](?:translations|locales)[\\/]).*\.ts$/;

/**
 * A message's text: a string, or a `str` template's strings with, per value, the index of the
 * source value it shows.
 * @typedef {string | { strings: string[], order: number[] }} Text
 */

const parse = (file, code) => ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** A `'…'`, a `` `…` `` or a `` str`…${x}…` ``: its strings and value expressions, else undefined. */
function textOf(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return { strings: [node.text], values: [] };
  if (!ts.isTaggedTemplateExpression(node) || node.tag.getText() !== 'str') return undefined;
  const template = node.template;
  if (ts.isNoSubstitutionTemplateLiteral(template)) return { strings: [template.text], values: [] };
  return {
    strings: [template.head.text, ...template.templateSpans.map((span) => span.literal.text)],
    values: template.templateSpans.map((span) => span.expression),
  };
}

/** Calls `visit(call, id)` for each `msg(text, { id: '…' })` in `source`. */
function eachMessage(source, visit) {
  const walk = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'msg' &&
      node.arguments.length === 2 &&
      ts.isObjectLiteralExpression(node.arguments[1])
    ) {
      const id = node.arguments[1].properties.find(
        (p) =>
          ts.isPropertyAssignment(p) && p.name.getText() === 'id' && ts.isStringLiteralLike(p.initializer),
      );
      if (id) visit(node, id.initializer.text);
    }
    ts.forEachChild(node, walk);
  };
  walk(source);
}

/** Every English message of the `msg()` calls under `dir`: id → {@link Text}. */
export function englishTexts(dir = SRC) {
  const texts = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !REWRITTEN.test(file)) continue;
    eachMessage(parse(file, readFileSync(file, 'utf8')), (call, id) => {
      const text = textOf(call.arguments[0]);
      if (!text) throw new Error(`${file}: msg() with id ${id} is not a string or a str template`);
      texts.set(
        id,
        text.values.length === 0
          ? text.strings[0]
          : { strings: text.strings, order: text.values.map((_, i) => i) },
      );
    });
  }
  return texts;
}

/** The hand-written translations of `locale` in every `translations/<locale>.ts`: id → {@link Text}. */
export function translations(locale, dir = SRC) {
  const texts = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || entry.name !== `${locale}.ts` || !/[\\/]translations$/.test(entry.parentPath))
      continue;
    const walk = (node) => {
      if (ts.isPropertyAssignment(node) && ts.isStringLiteralLike(node.name)) {
        const text = textOf(node.initializer);
        const order = text?.values.map((value) => (ts.isNumericLiteral(value) ? Number(value.text) : NaN));
        if (!text || order.some(Number.isNaN))
          throw new Error(
            `${file}: the text of ${node.name.text} is not a string or a str template of indexes`,
          );
        texts.set(node.name.text, order.length === 0 ? text.strings[0] : { strings: text.strings, order });
      }
      ts.forEachChild(node, walk);
    };
    walk(parse(file, readFileSync(file, 'utf8')));
  }
  return texts;
}

const templateText = (text) => text.replace(/\\|`|\$\{/g, (c) => `\\${c}`).replace(/\r/g, '\\r');
const newlines = (text) => text.split('\n').length - 1;

/** `code` (the module `file`) with the `msg()` texts replaced by `texts`' (see the file's comment). */
export function inlineTexts(code, file, texts) {
  const edits = [];
  eachMessage(parse(file, code), (call, id) => {
    const arg = call.arguments[0];
    const source = textOf(arg);
    const text = texts.get(id);
    if (!source) throw new Error(`${file}: msg() with id ${id} is not a string or a str template`);
    if (text === undefined) throw new Error(`${file}: message ${id} has no text to write in`);
    const strings = typeof text === 'string' ? [text] : text.strings;
    const order = typeof text === 'string' ? [] : text.order;
    if (order.length !== source.values.length || order.some((index, i) => index !== i)) {
      throw new Error(
        `${file}: the text of ${id} does not use its ${source.values.length} values once each, in order`,
      );
    }
    const start = arg.getStart();
    const old = code.slice(start, arg.end);
    let replaced;
    if (source.values.length === 0) {
      replaced = JSON.stringify(strings[0]);
    } else {
      replaced = `str\`${templateText(strings[0])}`;
      source.values.forEach(
        (value, i) => (replaced += `\${${value.getText()}}${templateText(strings[i + 1])}`),
      );
      replaced += '`';
    }
    edits.push([start, arg.end, replaced + '\n'.repeat(Math.max(0, newlines(old) - newlines(replaced)))]);
  });
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** The English module: every source message under its short id, as `@lit/localize` templates. */
export function englishModule(texts = englishTexts(), ids = messageIds()) {
  const entries = [...texts].map(([id, text]) => {
    const short = ids.get(id);
    if (short === undefined) throw new Error(`message ${id} has no short id`);
    const value =
      typeof text === 'string'
        ? JSON.stringify(text)
        : `{strTag:!0,strings:${JSON.stringify(text.strings)},values:${JSON.stringify(text.order)}}`;
    return `${JSON.stringify(short)}:${value}`;
  });
  return `export const templates={${entries.join(',')}};\n`;
}

/** The module put in place of text-modules.ts: the code is in `locale`, English loads on demand. */
const textModules = (locale) => `export const CODE_LOCALE = ${JSON.stringify(locale)};
export function loadLocale(locale) {
  return locale === 'en'
    ? import(${JSON.stringify(ENGLISH_ID)})
    : Promise.reject(new Error('Chainkit has no translations for ' + locale));
}
`;

/** The Vite/Rolldown plugin writing `locale`'s text into the code (`zh-CN`). */
export function inlineTextPlugin(locale) {
  const texts = translations(locale);
  const english = englishTexts();
  return {
    name: 'chainkit:inline-text',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === ENGLISH_ID) return ENGLISH_ID;
      if (!importer || !source.endsWith('/text-modules.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === TEXT_MODULES ? `\0chainkit-text-modules:${locale}` : null;
    },
    load(id) {
      if (id === ENGLISH_ID) return englishModule(english);
      if (id === `\0chainkit-text-modules:${locale}`) return textModules(locale);
      return null;
    },
    transform(code, id) {
      if (!REWRITTEN.test(id) || !code.includes('msg(')) return null;
      const out = inlineTexts(code, id, texts);
      return out === code ? null : { code: out, map: null };
    },
  };
}
