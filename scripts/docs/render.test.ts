/**
 * The docs site's build-time pieces, in Node: Markdown rendering (ids, links, live examples,
 * directives), the HTTP reference generated from the server's OpenAPI document, and the element
 * tables generated from custom-elements.json.
 */
import { join } from 'node:path';
import { openApiDocument } from '@chainkit/server';
import { describe, expect, it } from 'vitest';
import { elementApiHtml, publicProperties, readElements } from '../../docs/site/element-api.js';
import { renderMarkdown, rewriteHref } from '../../docs/site/markdown.js';
import { layout } from '../../docs/site/layout.js';
import { ELEMENT_TAGS, NAV, type Lang } from '../../docs/site/nav.js';
import type { PageSource } from '../../docs/site/pages.js';
import { openApiHtml, operationId, type OpenApiDocument } from '../../docs/site/openapi.js';
import { repoRoot } from './build-docs.js';

describe('renderMarkdown', () => {
  it('gives headings GitHub ids, rewrites .md links and takes the title from the # heading', () => {
    const page = renderMarkdown(
      '# The `<chain-cart>` page\n\n## Keys & CORS\n\n## Keys & CORS\n\nSee [routing](../guide/routing.md#the-rule), [site](https://example.com/a.md).',
      {},
    );
    expect(page.title).toBe('The <chain-cart> page');
    expect(page.html).toContain('<h1 id="the-chain-cart-page">');
    expect(page.html).toContain('<h2 id="keys--cors">');
    expect(page.html).toContain('<h2 id="keys--cors-1">');
    expect(page.html).toContain('href="../guide/routing.html#the-rule"');
    expect(page.html).toContain('href="https://example.com/a.md"');
    expect(page.hasLiveExamples).toBe(false);
  });

  it('renders an `html live` block both as the live markup and as escaped code', () => {
    const page = renderMarkdown('# Money\n\n```html live\n<chain-money amount="5"></chain-money>\n```\n', {});
    expect(page.hasLiveExamples).toBe(true);
    expect(page.html).toContain('<div class="example-preview" data-live-example>\n<chain-money amount="5">');
    expect(page.html).toContain('&lt;chain-money amount=&quot;5&quot;&gt;');
  });

  it("holds a server-backed (`html live api`) example in a template, with a status line in the page's language", () => {
    const source = '# Store\n\n```html live api\n<chain-store api="/playground-api"></chain-store>\n```\n';
    const en = renderMarkdown(source, {});
    expect(en.html).toContain('<div class="example-preview" data-live-example data-live-api>\n<template>');
    expect(en.html).toContain('role="status">Starting the order server in this page…</p>');
    expect(renderMarkdown(source, {}, 'zh-CN').html).toContain('role="status">正在本页中启动订单服务器…</p>');
  });

  it('replaces a known directive comment and keeps other comments', () => {
    const page = renderMarkdown('# X\n\n<!-- element-api chain-cart -->\n\n<!-- a note -->\n', {
      'element-api': (tag) => `<p>tables of ${tag}</p>`,
    });
    expect(page.html).toContain('<p>tables of chain-cart</p>');
    expect(page.html).toContain('<!-- a note -->');
  });

  it('wraps every table, generated ones included, in exactly one scroll box', () => {
    const page = renderMarkdown('# X\n\n| a |\n| - |\n| 1 |\n\n<!-- t -->\n', {
      t: () => '<table class="api-table"><tr><td>2</td></tr></table>',
    });
    expect(page.html.match(/<div class="table-scroll">/g)).toHaveLength(2);
    expect(page.html.match(/<\/table><\/div>/g)).toHaveLength(2);
  });

  it('refuses a page without a title', () => {
    expect(() => renderMarkdown('no heading', {})).toThrow(/# Title/);
  });

  it('leaves absolute, rooted and anchor links alone', () => {
    expect(rewriteHref('#x')).toBe('#x');
    expect(rewriteHref('/docs/a.md')).toBe('/docs/a.md');
    expect(rewriteHref('mailto:a@b.md')).toBe('mailto:a@b.md');
    expect(rewriteHref('store-file.md')).toBe('store-file.html');
  });
});

describe('the HTTP reference', () => {
  const document = openApiDocument as unknown as OpenApiDocument;
  const html = openApiHtml(document);

  it('has a section for every operation and every schema of the OpenAPI document', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        expect(html).toContain(`id="${operationId(method, path)}"`);
        expect(html).toContain(`${method.toUpperCase()} ${path}`);
      }
    }
    for (const name of Object.keys(document.components.schemas)) {
      expect(html).toContain(`id="schema-${name.toLowerCase()}"`);
    }
  });

  it('links every schema reference to a schema on the page', () => {
    const targets = [...html.matchAll(/href="#(schema-[^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) expect(html).toContain(`id="${target}"`);
  });
});

describe('the element tables', () => {
  const elements = readElements(join(repoRoot, 'packages/elements/custom-elements.json'));

  it.each(ELEMENT_TAGS)('<%s> lists each public property from custom-elements.json', (tag) => {
    const html = elementApiHtml(elements, tag);
    const element = elements.get(tag)!;
    const properties = publicProperties(element);
    expect(properties.length).toBeGreaterThan(0);
    for (const property of properties) expect(html).toContain(`<td><code>${property.name}</code></td>`);
    for (const event of element.events ?? []) expect(html).toContain(`<code>${event.name}</code>`);
    for (const part of element.cssParts ?? []) expect(html).toContain(`<code>${part.name}</code>`);
  });

  it('heads the tables in the page language: English, or Chinese on the zh-CN pages', () => {
    const headings = (html: string) =>
      [...html.matchAll(/<h3 id="api-[^"]+">([^<]+)<\/h3>/g)].map((m) => m[1]);
    const en = elementApiHtml(elements, 'chain-cart');
    const zh = elementApiHtml(elements, 'chain-cart', 'zh-CN');
    expect(headings(en)).toContain('Attributes and properties');
    expect(headings(zh)).toContain('特性与属性');
    expect(headings(zh)).toHaveLength(headings(en).length);
    for (const heading of headings(zh)) expect(heading).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toContain('<th scope="col">默认值</th>');
    expect(zh).not.toContain('<th scope="col">Default</th>');
    // The same rows: only the words around them change.
    expect(zh.match(/<tr>/g)?.length).toBe(en.match(/<tr>/g)?.length);
  });

  it('refuses an element the manifest does not describe', () => {
    expect(() => elementApiHtml(elements, 'chain-nope')).toThrow(/no <chain-nope>/);
  });
});

describe('layout', () => {
  type Version = { page: PageSource; title: string };
  const page = (lang: Lang, key: string): PageSource => ({
    file: `/docs/${key}.md`,
    lang,
    key,
    route: `${lang === 'zh-CN' ? 'zh-CN/' : ''}${key}.html`,
  });
  const en = page('en', 'getting-started/npm');
  const zh = page('zh-CN', 'getting-started/npm');
  const byKey = new Map<string, Map<Lang, Version>>(
    NAV.flatMap((section) => section.pages).map((key) => [
      key,
      new Map<Lang, Version>([['en', { page: page('en', key), title: key }]]),
    ]),
  );
  byKey.set(
    'getting-started/npm',
    new Map<Lang, Version>([
      ['en', { page: en, title: 'npm' }],
      ['zh-CN', { page: zh, title: 'npm 中文' }],
    ]),
  );
  const html = layout({
    page: zh,
    title: 'npm 中文',
    body: '<p>body</p>',
    site: { byKey, hasPlayground: true },
    liveExamples: false,
  });

  it('marks the language, links the other version and the current page, with relative links', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<a href="../../getting-started/npm.html" hreflang="en" lang="en">English</a>');
    expect(html).toContain('<a href="../../zh-CN/getting-started/npm.html" aria-current="page">npm 中文</a>');
    // A page with no Chinese version is linked in English from the Chinese sidebar.
    expect(html).toContain('href="../../guide/routing.html"');
    expect(html).toContain('href="../../playground/index.html"');
  });

  it('has no inline script or style', () => {
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<style/);
  });
});
