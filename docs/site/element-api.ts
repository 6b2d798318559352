/**
 * An element's API tables — attributes and properties, methods, events, slots, CSS parts and
 * custom properties — generated at build time from packages/elements/custom-elements.json
 * (written by `npm run build:cem -w @chainkit/elements` from the elements' JSDoc), so they are
 * never hand-copied. Descriptions are the elements' own JSDoc (trusted Markdown).
 */
import { readFileSync, existsSync } from 'node:fs';
import { marked } from 'marked';
import type { Lang } from './nav.js';
import { escapeHtml } from './slug.js';

interface Named {
  readonly name: string;
  readonly description?: string;
  readonly summary?: string;
  readonly type?: { readonly text?: string };
  readonly default?: string;
}

interface Member extends Named {
  readonly kind: 'field' | 'method';
  readonly privacy?: 'public' | 'private' | 'protected';
  readonly static?: boolean;
  readonly readonly?: boolean;
  readonly attribute?: string;
  readonly inheritedFrom?: { readonly name: string };
  readonly parameters?: readonly Named[];
  readonly return?: { readonly type?: { readonly text?: string } };
}

export interface ElementDeclaration extends Named {
  readonly kind: string;
  readonly tagName?: string;
  readonly members?: readonly Member[];
  readonly attributes?: readonly (Named & { readonly fieldName?: string })[];
  readonly events?: readonly Named[];
  readonly slots?: readonly Named[];
  readonly cssParts?: readonly Named[];
  readonly cssProperties?: readonly Named[];
}

interface Manifest {
  readonly modules: readonly {
    readonly path: string;
    readonly declarations?: readonly ElementDeclaration[];
  }[];
}

/** Reads the manifest; throws naming the command that writes it when it is missing. */
export function readElements(manifestPath: string): Map<string, ElementDeclaration> {
  if (!existsSync(manifestPath)) {
    throw new Error(
      `${manifestPath} is missing: the element pages' API tables are generated from it. ` +
        'Write it with `npm run build:cem -w @chainkit/elements`.',
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const elements = new Map<string, ElementDeclaration>();
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.tagName) elements.set(declaration.tagName, declaration);
    }
  }
  return elements;
}

/** The public instance properties of an element: what its table must list. */
export function publicProperties(element: ElementDeclaration): Member[] {
  return (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      (member.privacy ?? 'public') === 'public' &&
      !member.name.startsWith('_') &&
      !member.name.startsWith('#'),
  );
}

const inline = (text = ''): string => marked.parseInline(text.replace(/\s*\n\s*/g, ' '), { async: false });
const code = (text: string | undefined): string => (text ? `<code>${escapeHtml(text)}</code>` : '');

function table(kind: string, heading: string, columns: readonly string[], rows: readonly string[][]): string {
  if (rows.length === 0) return '';
  const head = columns.map((column) => `<th scope="col">${column}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return (
    `<h3 id="api-${kind}">${heading}</h3>\n` +
    `<table class="api-table" data-api="${kind}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n`
  );
}

/**
 * The words of the tables in each page language. The descriptions stay the JSDoc's English (the
 * Chinese pages say so above the tables).
 */
const WORDS = {
  en: {
    properties: 'Attributes and properties',
    methods: 'Methods',
    events: 'Events',
    slots: 'Slots',
    parts: 'CSS parts',
    cssProperties: 'CSS custom properties',
    property: 'Property',
    attribute: 'Attribute',
    type: 'Type',
    default: 'Default',
    description: 'Description',
    method: 'Method',
    event: 'Event',
    slot: 'Slot',
    part: 'Part',
    readOnly: 'read-only',
    defaultSlot: '(default)',
  },
  'zh-CN': {
    properties: '特性与属性',
    methods: '方法',
    events: '事件',
    slots: '插槽',
    parts: 'CSS 部件',
    cssProperties: 'CSS 自定义属性',
    property: '属性',
    attribute: '特性',
    type: '类型',
    default: '默认值',
    description: '说明',
    method: '方法',
    event: '事件',
    slot: '插槽',
    part: '部件',
    readOnly: '只读',
    defaultSlot: '（默认）',
  },
} satisfies Record<Lang, Record<string, string>>;

/**
 * The HTML of every API table of `tag`, headed in `lang`; throws when the manifest has no such
 * element.
 */
export function elementApiHtml(
  elements: ReadonlyMap<string, ElementDeclaration>,
  tag: string,
  lang: Lang = 'en',
): string {
  const words = WORDS[lang];
  const element = elements.get(tag);
  if (!element) {
    throw new Error(
      `custom-elements.json has no <${tag}>; rebuild it with \`npm run build:cem -w @chainkit/elements\``,
    );
  }
  const properties = publicProperties(element).map((member) => [
    code(member.name),
    member.attribute ? code(member.attribute) : member.readonly ? words.readOnly : '—',
    code(member.type?.text),
    code(member.default),
    inline(member.description),
  ]);
  const methods = (element.members ?? [])
    .filter(
      (member) =>
        member.kind === 'method' &&
        !member.static &&
        !member.inheritedFrom &&
        (member.privacy ?? 'public') === 'public' &&
        !member.name.startsWith('#'),
    )
    .map((method) => {
      const parameters = (method.parameters ?? [])
        .map((parameter) => `${parameter.name}${parameter.type?.text ? `: ${parameter.type.text}` : ''}`)
        .join(', ');
      const returns = method.return?.type?.text ? `: ${method.return.type.text}` : '';
      return [code(`${method.name}(${parameters})${returns}`), inline(method.description)];
    });
  const named = (items: readonly Named[] | undefined, empty = '') =>
    (items ?? []).map((item) => [
      item.name ? code(item.name) : empty,
      inline(item.description ?? item.summary),
    ]);
  return [
    table(
      'properties',
      words.properties,
      [words.property, words.attribute, words.type, words.default, words.description],
      properties,
    ),
    table('methods', words.methods, [words.method, words.description], methods),
    table(
      'events',
      words.events,
      [words.event, words.type, words.description],
      (element.events ?? []).map((event) => [
        code(event.name),
        code(event.type?.text),
        inline(event.description),
      ]),
    ),
    table('slots', words.slots, [words.slot, words.description], named(element.slots, words.defaultSlot)),
    table('parts', words.parts, [words.part, words.description], named(element.cssParts)),
    table(
      'css-properties',
      words.cssProperties,
      [words.property, words.default, words.description],
      (element.cssProperties ?? []).map((property) => [
        code(property.name),
        code(property.default),
        inline(property.description),
      ]),
    ),
  ].join('');
}

/** The element's own JSDoc overview (`@summary` and `@description`), as HTML. */
export function elementDescriptionHtml(
  elements: ReadonlyMap<string, ElementDeclaration>,
  tag: string,
): string {
  const element = elements.get(tag);
  if (!element) throw new Error(`custom-elements.json has no <${tag}>`);
  const text = [element.summary, element.description].filter(Boolean).join('\n\n');
  if (!text) throw new Error(`<${tag}> has no JSDoc @summary or @description in custom-elements.json`);
  return marked.parse(text, { async: false });
}
