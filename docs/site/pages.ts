/**
 * Finds the site's Markdown pages under docs/. `zh-CN/x.md` is the Chinese version of `x.md`;
 * both share the key `x`. Each page is built to `<key>.html` (`zh-CN/<key>.html`).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Lang } from './nav.js';

export interface PageSource {
  /** Absolute path of the Markdown file. */
  readonly file: string;
  readonly lang: Lang;
  /** Language-neutral key, e.g. `guide/routing`. */
  readonly key: string;
  /** Output path relative to the site root, e.g. `zh-CN/guide/routing.html`. */
  readonly route: string;
}

/** Folders under docs/ that hold no pages (code, output, the playground's own entries). */
const SKIP = new Set(['node_modules', 'dist', 'public', 'site', 'client', 'playground', 'bench']);

export function findPages(docsRoot: string): PageSource[] {
  const pages: PageSource[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === docsRoot && SKIP.has(entry.name)) continue;
        walk(path);
      } else if (entry.name.endsWith('.md')) {
        const name = relative(docsRoot, path).split(sep).join('/').replace(/\.md$/, '');
        const lang: Lang = name.startsWith('zh-CN/') ? 'zh-CN' : 'en';
        const key = lang === 'zh-CN' ? name.slice('zh-CN/'.length) : name;
        pages.push({ file: path, lang, key, route: `${name}.html` });
      }
    }
  };
  walk(docsRoot);
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

/** The path from the page at `from` to `to` (both relative to the site root). */
export function relativeUrl(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to;
}
