import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The Custom Elements Manifest (`npm run build:cem -w @chainkit/elements`) is what editors, the
 * docs site's API tables and framework type generators read. It is built here from the current
 * sources and compared with what the sources declare: every tag registered by a `define.ts`, its
 * `static properties` (attributes and properties), the `chain-*` events it emits, and its JSDoc
 * slots, parts and custom properties.
 */

const elementsDir = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const srcDir = join(elementsDir, 'src');

interface Manifest {
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  members?: { kind: string; name: string; type?: { text: string }; attribute?: string; privacy?: string }[];
  attributes?: { name: string; fieldName?: string; type?: { text: string } }[];
  events?: { name: string; type?: { text: string } }[];
  slots?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

/** What one element's source declares, read with the TypeScript parser. */
interface SourceElement {
  tag: string;
  className: string;
  file: string;
  /** `static properties` keys that are public (not `state: true`), with their `attribute` name. */
  properties: Map<string, string | false>;
  /** `chain-*` event names passed to `this.emit(…)` in the element's folder. */
  emitted: Set<string>;
  jsdoc: { slots: string[]; parts: string[]; cssProps: string[] };
}

let outDir: string;
let manifest: Manifest;
let sources: SourceElement[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'chainkit-cem-'));
  // The analyzer joins --outdir onto the working directory, even an absolute one.
  await promisify(execFile)(
    process.execPath,
    [
      require_('@custom-elements-manifest/analyzer/cem.js'),
      'analyze',
      '--outdir',
      relative(elementsDir, outDir),
    ],
    { cwd: elementsDir },
  );
  manifest = JSON.parse(await readFile(join(outDir, 'custom-elements.json'), 'utf8')) as Manifest;
  sources = await readSources();
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function require_(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

function declarationFor(tag: string): Declaration {
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) if (declaration.tagName === tag) return declaration;
  }
  throw new Error(`custom-elements.json has no declaration with tagName ${tag}`);
}

describe('custom-elements.json', () => {
  it('is what @chainkit/elements/package.json points to and ships', async () => {
    const pkg = JSON.parse(await readFile(join(elementsDir, 'package.json'), 'utf8')) as {
      customElements?: string;
      files?: string[];
    };
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.files).toContain('custom-elements.json');
  });

  it('finds the seven elements the sources register, and no other tag', () => {
    const tags = sources.map((s) => s.tag).sort();
    expect(tags).toEqual([
      'chain-cart',
      'chain-catalog',
      'chain-ladder-price',
      'chain-money',
      'chain-order-form',
      'chain-order-status',
      'chain-store',
    ]);
    const manifestTags = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement)
      .map((d) => d.tagName)
      .sort();
    expect(manifestTags).toEqual(tags);
  });

  it('has a custom-element-definition export per tag, in its define module', () => {
    for (const source of sources) {
      const definitions = manifest.modules.flatMap((m) =>
        (m.exports ?? [])
          .filter((e) => e.kind === 'custom-element-definition' && e.name === source.tag)
          .map((e) => ({ module: m.path, name: e.declaration.name })),
      );
      expect(definitions, source.tag).toEqual([
        {
          module: relative(elementsDir, join(dirname(source.file), 'define.ts')),
          name: source.className,
        },
      ]);
      expect(
        manifest.modules.flatMap((m) =>
          (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition' && e.name === source.tag),
        )[0]?.declaration.module,
      ).toBe(relative(elementsDir, source.file));
    }
  });

  it('lists every public property with its attribute and a type, and no internal state', () => {
    for (const source of sources) {
      const declaration = declarationFor(source.tag);
      expect(declaration.name).toBe(source.className);
      expect(declaration.description?.length, `${source.tag} description`).toBeGreaterThan(40);
      for (const [name, attribute] of source.properties) {
        const member = declaration.members?.find((m) => m.kind === 'field' && m.name === name);
        expect(member, `${source.tag}.${name}`).toBeDefined();
        expect(member?.type?.text, `${source.tag}.${name} type`).toBeTruthy();
        if (attribute === false) {
          expect(
            declaration.attributes?.some((a) => a.fieldName === name),
            `${source.tag}.${name}`,
          ).toBe(false);
        } else {
          const attr = declaration.attributes?.find((a) => a.name === attribute);
          expect(attr?.fieldName, `${source.tag} [${attribute}]`).toBe(name);
        }
      }
      const publicFields = new Set(source.properties.keys());
      for (const attribute of declaration.attributes ?? []) {
        expect(publicFields.has(attribute.fieldName ?? ''), `${source.tag} [${attribute.name}]`).toBe(true);
      }
      expect(declaration.members?.filter((m) => m.name.startsWith('#') || m.name.startsWith('_'))).toEqual(
        [],
      );
    }
  });

  it('lists every chain-* event an element emits, typed with its ChainEventMap detail', () => {
    for (const source of sources) {
      const events = declarationFor(source.tag).events ?? [];
      for (const name of source.emitted) {
        const event = events.find((e) => e.name === name);
        expect(event, `${source.tag} @fires ${name}`).toBeDefined();
        expect(event?.type?.text, `${source.tag} ${name} type`).toMatch(/^CustomEvent<.+>$/);
      }
    }
    // The events a shop most needs, spelled out.
    expect(declarationFor('chain-order-form').events?.map((e) => e.name)).toContain('chain-order-placed');
    expect(declarationFor('chain-catalog').events?.map((e) => e.name)).toContain('chain-offer-select');
    expect(declarationFor('chain-cart').events?.map((e) => e.name)).toContain('chain-cart-change');
  });

  it('carries the slots, CSS parts and CSS custom properties of the JSDoc', () => {
    for (const source of sources) {
      const declaration = declarationFor(source.tag);
      expect(declaration.slots?.map((s) => s.name) ?? [], `${source.tag} slots`).toEqual(source.jsdoc.slots);
      expect(declaration.cssParts?.map((p) => p.name) ?? [], `${source.tag} parts`).toEqual(
        source.jsdoc.parts,
      );
      expect(declaration.cssProperties?.map((p) => p.name) ?? [], `${source.tag} css props`).toEqual(
        source.jsdoc.cssProps,
      );
    }
    expect(declarationFor('chain-money').cssParts?.map((p) => p.name)).toEqual(['base']);
    expect(declarationFor('chain-store').slots?.map((s) => s.name)).toEqual(['']);
  });
});

/** Reads every `src/<element>/define.ts` and the element class it registers. */
async function readSources(): Promise<SourceElement[]> {
  const result: SourceElement[] = [];
  for (const entry of await readdir(srcDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'internal') continue;
    const dir = join(srcDir, entry.name);
    const files = await readdir(dir);
    if (!files.includes('define.ts')) continue;
    const define = await readFile(join(dir, 'define.ts'), 'utf8');
    const registration = /\bdefine\('(chain-[a-z-]+)',\s*(\w+)\)/.exec(define);
    if (!registration) throw new Error(`${dir}/define.ts registers no chain-* tag`);
    const [, tag, className] = registration as unknown as [string, string, string];
    const file = join(dir, `${tag}.ts`);
    const text = await readFile(file, 'utf8');
    const emitted = new Set<string>();
    for (const name of files.filter((f) => f.endsWith('.ts'))) {
      const body = await readFile(join(dir, name), 'utf8');
      for (const match of body.matchAll(/\bemit\(\s*'(chain-[a-z-]+)'/g)) emitted.add(match[1] as string);
    }
    result.push({ tag, className, file, emitted, ...readClass(file, text, className) });
  }
  return result;
}

function readClass(
  file: string,
  text: string,
  className: string,
): Pick<SourceElement, 'properties' | 'jsdoc'> {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const cls = sourceFile.statements.find(
    (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === className,
  );
  if (!cls) throw new Error(`${file} declares no class ${className}`);
  const properties = new Map<string, string | false>();
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
    const init = member.initializer;
    if (!init || !ts.isObjectLiteralExpression(init)) continue;
    for (const entry of init.properties) {
      if (!ts.isPropertyAssignment(entry)) continue;
      const name = entry.name.getText();
      const options = entry.initializer.getText();
      if (/\bstate\s*:\s*true\b/.test(options)) continue;
      const attribute = /\battribute\s*:\s*(false|'([^']+)')/.exec(options);
      properties.set(
        name,
        attribute ? (attribute[1] === 'false' ? false : (attribute[2] as string)) : name.toLowerCase(),
      );
    }
  }
  const tags = ts.getJSDocTags(cls);
  const names = (tagName: string) =>
    tags
      .filter((t) => t.tagName.text === tagName)
      .map((t) => {
        const comment = ts.getTextOfJSDocComment(t.comment) ?? '';
        return /^-(\s|$)/.test(comment) ? '' : (/^\S+/.exec(comment)?.[0] ?? '');
      });
  return { properties, jsdoc: { slots: names('slot'), parts: names('csspart'), cssProps: names('cssprop') } };
}
