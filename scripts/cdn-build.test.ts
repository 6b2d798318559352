/**
 * The browser build's files (packages/elements/dist-cdn, made by `npm run build:cdn -w
 * @chainkit/elements` before the tests): each code chunk opens with V8's compile hint, and the
 * source maps still point at the right source lines below that added line.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '@jridgewell/sourcemap-codec';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM build script without type declarations
import { COMPILE_HINT } from '../packages/elements/scripts/build-cdn.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cdn = join(root, 'packages/elements/dist-cdn');
const manifest = JSON.parse(readFileSync(join(cdn, 'manifest.json'), 'utf8')) as {
  files: Record<string, unknown>;
  chineseShopPageTags: Record<string, string>;
  tags: Record<string, string>;
};
const files = Object.keys(manifest.files);
const text = (file: string): string => readFileSync(join(cdn, file), 'utf8');
const isText = (file: string): boolean => /^(?:zh-CN|en)-/.test(file);

describe('compile hint', () => {
  it('opens every code chunk and the full bundle, not the loader or the text chunks', () => {
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
    const hinted = files.filter((file) => text(file).startsWith(`${COMPILE_HINT}\n`));
    const code = files.filter((file) => file !== 'chainkit.js' && !isText(file));
    expect(code.length).toBeGreaterThan(8);
    expect(hinted.sort()).toEqual(code.sort());
  });

  it.each([
    ['the Chinese shop-page chunk', () => manifest.chineseShopPageTags['chain-store']!],
    ["the split set's shared chunk", () => files.find((file) => /^base-(?!zh-)/.test(file))!],
    ['the full bundle', () => 'chainkit.full.js'],
  ])('leaves the source map of %s pointing at the right lines', (_, name) => {
    const file = name();
    // A message only src/internal/define.ts writes: where the built file has it, the map must
    // name that module and a line of it that holds the message.
    const needle = 'Chainkit: cannot define <';
    const lines = text(file).split('\n');
    const row = lines.findIndex((line) => line.includes(needle));
    expect(row, `${file} holds the message`).toBeGreaterThan(0);
    const column = lines[row]!.indexOf(needle);
    const map = JSON.parse(text(`${file}.map`)) as {
      sources: string[];
      sourcesContent?: string[];
      mappings: string;
    };
    const segments = decode(map.mappings)[row]!;
    const segment = segments.filter((s) => s[0] <= column && s.length >= 4).at(-1);
    expect(segment, 'a mapped segment before the message').toBeDefined();
    const [, source, line] = segment as [number, number, number, number];
    expect(map.sources[source]).toMatch(/src\/internal\/define\.ts$/);
    const original = map.sourcesContent?.[source] ?? readFileSync(resolve(cdn, map.sources[source]!), 'utf8');
    // The template literal starts on the mapped line or the one after it (the segment may be
    // the call it is passed to).
    expect(
      original
        .split('\n')
        .slice(line, line + 2)
        .join('\n'),
    ).toContain(needle);
  });
});
