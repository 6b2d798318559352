import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What a user gets from npm: `npm pack` each package (core, elements, react, server) as
 * published, install the tarballs into a clean project outside the repo, and use them there:
 * quote a cart with core in Node, run the `chainkit` bin and ask the server for offers, import
 * the elements and the React components in Node without a DOM, and bundle an app entry that
 * registers the elements with Vite. Nothing resolves back into the workspace, so a file missing
 * from "files", a wrong "exports" path or an undeclared dependency fails here.
 * Needs the packages built (`npm run build`); the npm cache supplies the dependencies.
 */

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const storeFile = join(root, 'examples/data/store.json');
const PACKAGES = ['core', 'elements', 'react', 'server'];

let work: string;
let project: string;
const tarballs = new Map<string, string>();
let server: ChildProcess | undefined;

/** Runs a script with Node in the clean project and returns its last stdout line as JSON. */
async function nodeIn(script: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: project,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as Record<string, unknown>;
}

beforeAll(async () => {
  // The manifest is made by `npm install` (prepare) and `npm run build`; make it when missing.
  if (!existsSync(join(root, 'packages/elements/custom-elements.json'))) {
    await run('npm', ['run', 'build:cem', '-w', '@chainkit/elements'], { cwd: root });
  }
  work = await mkdtemp(join(tmpdir(), 'chainkit-pack-'));
  const packDir = join(work, 'tarballs');
  await mkdir(packDir);
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--pack-destination', packDir, ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`])],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const packed = JSON.parse(stdout) as { name: string; filename: string; files: { path: string }[] }[];
  for (const entry of packed) tarballs.set(entry.name, join(packDir, entry.filename));
  packedFiles = new Map(packed.map((p) => [p.name, p.files.map((f) => f.path)]));

  project = join(work, 'shop');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'pack-test-shop', private: true, type: 'module' }, null, 2),
  );
  await run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
      ...tarballs.values(),
      'react@^19',
      'react-dom@^19',
    ],
    { cwd: project, maxBuffer: 64 * 1024 * 1024 },
  );
}, 180_000);

let packedFiles: Map<string, string[]>;

afterAll(async () => {
  server?.kill();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm pack, then install in a clean project', () => {
  it('packs the built code, the types and the manifest, not the tests', () => {
    expect([...tarballs.keys()].sort()).toEqual([
      '@chainkit/core',
      '@chainkit/elements',
      '@chainkit/react',
      '@chainkit/server',
    ]);
    const elements = packedFiles.get('@chainkit/elements') ?? [];
    expect(elements).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/define.js',
        'dist/money/define.js',
        'custom-elements.json',
        'types/jsx.d.ts',
        'types/vue.d.ts',
        'types/elements.d.ts',
      ]),
    );
    expect(packedFiles.get('@chainkit/react')).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/define.js']),
    );
    expect(packedFiles.get('@chainkit/server')).toEqual(
      expect.arrayContaining(['bin/chainkit.js', 'dist/index.js']),
    );
    for (const files of packedFiles.values()) {
      expect(files.filter((f) => f.startsWith('test/'))).toEqual([]);
    }
  });

  it('installs @chainkit/* from the tarballs, not from the workspace', async () => {
    const installed = await readdir(join(project, 'node_modules/@chainkit'), { withFileTypes: true });
    expect(installed.map((d) => [d.name, d.isSymbolicLink()]).sort()).toEqual([
      ['core', false],
      ['elements', false],
      ['react', false],
      ['server', false],
    ]);
  });

  it('@chainkit/core quotes a cart in Node', async () => {
    const result = await nodeIn(`
      import { readFileSync } from 'node:fs';
      import { quote } from '@chainkit/core';
      const store = JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));
      const offer = store.offers[0];
      const catalog = { currency: store.currency, factories: store.factories, offers: store.offers };
      const q = quote(catalog, [{ skuId: offer.skus[0].id, quantity: 60 }, { skuId: offer.skus[1].id, quantity: 60 }]);
      console.log(JSON.stringify({ currency: q.currency, ok: q.ok, subtotal: q.subtotal }));
    `);
    expect(result).toMatchObject({ currency: 'CNY', ok: true });
    expect(Number.isSafeInteger(result.subtotal) && (result.subtotal as number) > 0).toBe(true);
  });

  it('the chainkit bin prints its help and serves GET /v1/offers', async () => {
    const bin = join(project, 'node_modules/.bin/chainkit');
    const help = await run(bin, ['--help'], { cwd: project });
    expect(help.stdout).toContain('chainkit serve');

    const child = spawn(
      bin,
      ['serve', '--store', storeFile, '--database', 'memory', '--port', '0', '--no-dispatch'],
      {
        cwd: project,
        env: { ...process.env, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server = child;
    const url = await new Promise<string>((done, fail) => {
      let output = '';
      const timer = setTimeout(() => fail(new Error(`chainkit serve did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (match) {
          clearTimeout(timer);
          done(match[0]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => fail(new Error(`chainkit serve exited with ${code}:\n${output}`)));
    });
    const response = await fetch(`${url}/v1/offers`, {
      headers: { authorization: 'Bearer pk_test_demo', origin: 'http://127.0.0.1:8787' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { id: string }[] };
    expect(body.data?.length).toBeGreaterThan(0);
    child.kill();
    server = undefined;
  }, 90_000);

  it('@chainkit/elements and @chainkit/react import in Node without a DOM; React renders on the server', async () => {
    const result = await nodeIn(`
      const elements = await import('@chainkit/elements');
      const react = await import('@chainkit/react');
      const { createElement } = await import('react');
      const { renderToString } = await import('react-dom/server');
      const html = renderToString(createElement(react.ChainMoney, { amount: 115500, currency: 'CNY' }));
      console.log(JSON.stringify({
        elements: typeof elements.ChainMoney,
        react: typeof react.ChainOrderForm,
        html,
        window: typeof window,
        document: typeof document,
      }));
    `);
    expect(result).toEqual({
      elements: 'function',
      react: 'object',
      html: expect.stringContaining('<chain-money'),
      window: 'undefined',
      document: 'undefined',
    });
  });

  it("bundles an app entry importing '@chainkit/elements/define' with Vite", async () => {
    await writeFile(
      join(project, 'main.js'),
      "import '@chainkit/elements/define';\nimport { ChainMoney } from '@chainkit/elements';\nconsole.log(customElements.get('chain-money') === ChainMoney);\n",
    );
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      root: project,
      build: { write: false, rollupOptions: { input: join(project, 'main.js') } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
      'output' in o ? o.output : [],
    );
    const code = chunks.map((c) => (c.type === 'chunk' ? c.code : '')).join('\n');
    // Registration survived tree-shaking (sideEffects), and Lit was bundled from the project.
    expect(code).toContain('chain-money');
    expect(code).toContain('chain-order-form');
    expect(code.length).toBeGreaterThan(20_000);
  }, 90_000);
});
