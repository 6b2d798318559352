import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The published shape of each package (issue 5): an `exports` map whose entries give types and
 * ESM, `sideEffects` naming only the registration entry points, and every entry importable in
 * plain Node (a server-rendering process) without a DOM: nothing reads `window` or `document`
 * or defines them. The imports run in a child `node` process on the built `dist/`, the way an
 * app resolves the packages, not through Vitest's source aliases.
 */

const root = fileURLToPath(new URL('..', import.meta.url));

interface PackageJson {
  name: string;
  type?: string;
  sideEffects?: boolean | string[];
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
}

async function pkg(dir: string): Promise<PackageJson> {
  return JSON.parse(await readFile(`${root}packages/${dir}/package.json`, 'utf8')) as PackageJson;
}

const ELEMENT_DIRS = ['cart', 'catalog', 'ladder-price', 'money', 'order-form', 'order-status', 'store'];

/** Every module entry point of every package, as an app imports it. */
const ENTRIES = [
  '@chainkit/core',
  '@chainkit/elements',
  '@chainkit/elements/define',
  ...ELEMENT_DIRS.map((dir) => `@chainkit/elements/${dir}/define`),
  '@chainkit/react',
  '@chainkit/react/define',
  '@chainkit/server',
  '@chainkit/server/node',
];

describe('package entry points', () => {
  it('are ESM with types for every module entry', async () => {
    for (const dir of ['core', 'elements', 'react', 'server']) {
      const json = await pkg(dir);
      expect(json.type, json.name).toBe('module');
      for (const [entry, target] of Object.entries(json.exports)) {
        if (typeof target === 'string') {
          // Plain files: CSS themes, the CDN build, the manifest, package.json.
          expect(target, `${json.name} ${entry}`).toMatch(/\.(css|json)$|^\.\/dist-cdn\/\*$/);
          continue;
        }
        expect(target.types, `${json.name} ${entry} types`).toMatch(/\.d\.ts$/);
        expect(target.default, `${json.name} ${entry} default`).toMatch(/\.js$/);
      }
    }
  });

  it('declare side effects only for the registration entry points', async () => {
    expect((await pkg('core')).sideEffects).toBe(false);
    const react = await pkg('react');
    expect(react.sideEffects).toEqual(['./dist/define.js', './src/define.ts']);
    const elements = await pkg('elements');
    expect(elements.sideEffects).toEqual(expect.arrayContaining(['./dist/define.js', './dist/**/define.js']));
    for (const pattern of elements.sideEffects as string[]) {
      expect(pattern).toMatch(/define\.(js|ts)$|\.css$/);
    }
    for (const dir of ELEMENT_DIRS) {
      expect(elements.exports[`./${dir}/define`], dir).toEqual({
        source: `./src/${dir}/define.ts`,
        types: `./dist/${dir}/define.d.ts`,
        default: `./dist/${dir}/define.js`,
      });
    }
  });

  it('keep Lit a dependency of the elements, not bundled into them', async () => {
    expect((await pkg('elements')).dependencies).toHaveProperty('lit');
    const built = await readFile(`${root}packages/elements/dist/internal/chain-element.js`, 'utf8');
    expect(built).toMatch(/from 'lit'/);
  });

  it('import in plain Node without touching window or document', async () => {
    const script = `
      const results = {};
      for (const entry of ${JSON.stringify(ENTRIES)}) {
        try {
          const mod = await import(entry);
          results[entry] = { exports: Object.keys(mod).length };
        } catch (error) {
          results[entry] = { error: String(error && error.stack || error) };
        }
      }
      results.window = typeof window;
      results.document = typeof document;
      console.log(JSON.stringify(results));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const results = JSON.parse(stdout.trim().split('\n').at(-1) as string) as Record<string, unknown>;
    for (const entry of ENTRIES) expect(results[entry], entry).not.toHaveProperty('error');
    expect(results['@chainkit/elements']).toMatchObject({ exports: expect.any(Number) });
    expect(results.window).toBe('undefined');
    expect(results.document).toBe('undefined');
  }, 60_000);
});
