/**
 * An element's API tables — attributes and properties, methods, events, slots, CSS parts and
 * custom properties — generated at build time from packages/elements/custom-elements.json
 * (written by `npm run build:cem -w @chainkit/elements` from the elements' JSDoc), so they are
 * never hand-copied. Descriptions are the elements' own JSDoc (trusted Markdown).
 */
import { readFileSync, existsSync } from 'node:fs';
import { marked } from 'marked';
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

/** The HTML of every API table of `tag`; throws when the manifest has no such element. */
export function elementApiHtml(elements: ReadonlyMap<string, ElementDeclaration>, tag: string): string {
  const element = elements.get(tag);
  if (!element) {
    throw new Error(
      `custom-elements.json has no <${tag}>; rebuild it with \`npm run build:cem -w @chainkit/elements\``,
    );
  }
  const properties = publicProperties(element).map((member) => [
    code(member.name),
    member.attribute ? code(member.attribute) : member.readonly ? 'read-only' : '—',
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
      'Attributes and properties',
      ['Property', 'Attribute', 'Type', 'Default', 'Description'],
      properties,
    ),
    table('methods', 'Methods', ['Method', 'Description'], methods),
    table(
      'events',
      'Events',
      ['Event', 'Type', 'Description'],
      (element.events ?? []).map((event) => [
        code(event.name),
        code(event.type?.text),
        inline(event.description),
      ]),
    ),
    table('slots', 'Slots', ['Slot', 'Description'], named(element.slots, '(default)')),
    table('parts', 'CSS parts', ['Part', 'Description'], named(element.cssParts)),
    table(
      'css-properties',
      'CSS custom properties',
      ['Property', 'Default', 'Description'],
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
