import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `@chainkit/elements/jsx` (React 19) and `@chainkit/elements/vue` are hand-written on top of
 * types/elements.d.ts. This checks that the lists there cover what custom-elements.json says each
 * element has (every tag, every settable public property, every `chain-*` event), and that a
 * React and a Vue file using them type-check, with wrong uses rejected
 * (scripts/fixtures/framework-types).
 */

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const elementsDir = join(root, 'packages/elements');

interface ManifestElement {
  tagName: string;
  settable: string[];
  events: string[];
}

let outDir: string;
let elements: ManifestElement[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'chainkit-cem-'));
  // The analyzer joins --outdir onto the working directory, even an absolute one.
  await run(
    process.execPath,
    [
      fileURLToPath(import.meta.resolve('@custom-elements-manifest/analyzer/cem.js')),
      'analyze',
      '--outdir',
      relative(elementsDir, outDir),
    ],
    { cwd: elementsDir },
  );
  const manifest = JSON.parse(await readFile(join(outDir, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: ManifestDeclaration[] }[];
  };
  elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({
      tagName: d.tagName as string,
      settable: (d.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public')
        .map((m) => m.name)
        .sort(),
      events: (d.events ?? [])
        .map((e) => e.name)
        .filter((name) => name.startsWith('chain-'))
        .sort(),
    }));
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

interface ManifestDeclaration {
  tagName?: string;
  customElement?: boolean;
  members?: { kind: string; name: string; static?: boolean; readonly?: boolean; privacy?: string }[];
  events?: { name: string }[];
}

/** Tag → property names of each entry of an interface exported by types/elements.d.ts. */
const typeFiles = ['elements.d.ts', 'jsx.d.ts', 'vue.d.ts'].map((name) => join(elementsDir, 'types', name));
let program: ts.Program | undefined;
function typesProgram(): ts.Program {
  return (program ??= ts.createProgram(typeFiles, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    noEmit: true,
  }));
}

function readInterface(name: string): Map<string, string[]> {
  const file = typeFiles[0] as string;
  const program = typesProgram();
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
  if (!symbol) throw new Error(`types/elements.d.ts exports no ${name}`);
  const result = new Map<string, string[]>();
  for (const entry of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
    const type = checker.getTypeOfSymbol(entry);
    result.set(
      entry.name,
      checker
        .getPropertiesOfType(type)
        .map((p) => p.name)
        .sort(),
    );
  }
  return result;
}

describe('framework type declarations', () => {
  it('name every element of custom-elements.json', () => {
    const tags = elements.map((e) => e.tagName).sort();
    expect(tags).toHaveLength(7);
    expect([...readInterface('ChainElements').keys()].sort()).toEqual(tags);
    expect([...readInterface('ChainElementProps').keys()].sort()).toEqual(tags);
    expect([...readInterface('ChainElementEvents').keys()].sort()).toEqual(tags);
  });

  it('are themselves free of type errors', () => {
    // The fixture project skips library checks (fast), so the declaration files are checked here.
    const program = typesProgram();
    const messages = typeFiles.flatMap((file) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((d) => `${relative(root, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
    );
    expect(messages).toEqual([]);
  });

  it('list every settable public property of each element', () => {
    const props = readInterface('ChainElementProps');
    for (const element of elements) {
      expect(props.get(element.tagName), element.tagName).toEqual(element.settable);
    }
  });

  it('list every chain-* event each element fires', () => {
    const events = readInterface('ChainElementEvents');
    for (const element of elements) {
      expect(events.get(element.tagName), element.tagName).toEqual(element.events);
    }
  });

  it('type-check a React 19 and a Vue file that use them, rejecting wrong props and event details', async () => {
    const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
    const result = await run(
      process.execPath,
      [tsc, '-p', 'scripts/fixtures/framework-types/tsconfig.json'],
      {
        cwd: root,
      },
    ).catch((error: { stdout: string; code: number }) => error);
    expect(result.stdout).toBe('');
  }, 180_000);

  it('are entry points of @chainkit/elements, with a runtime stand-in for plain imports', async () => {
    const pkg = JSON.parse(await readFile(join(elementsDir, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      files: string[];
    };
    expect(pkg.exports['./jsx']).toEqual({ types: './types/jsx.d.ts', default: './types/empty.js' });
    expect(pkg.exports['./vue']).toEqual({ types: './types/vue.d.ts', default: './types/empty.js' });
    expect(pkg.files).toContain('types');
    await expect(import('@chainkit/elements/jsx')).resolves.toBeDefined();
  });
});
