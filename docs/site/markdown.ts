/**
 * Markdown → HTML at build time with marked. Our own Markdown is trusted (it is in the repo),
 * so raw HTML in it passes through; nothing rendered here comes from users. On top of marked:
 *
 * - headings get GitHub-style ids;
 * - relative links to `.md` files point at the built `.html` pages;
 * - a fenced block tagged `html live` is shown as code AND rendered as a live example
 *   (`html live api`: one that needs the playground's in-browser order server);
 * - an HTML comment `<!-- name argument -->` whose name is a known directive is replaced by that
 *   directive's output (the generated API tables, the HTTP reference).
 */
import { Marked, type Tokens } from 'marked';
import { Slugger, escapeHtml } from './slug.js';
import type { Lang } from './nav.js';

/** Generates HTML for `<!-- name argument -->`, in the page's language where it writes words. */
export type Directive = (argument: string, lang: Lang) => string;

export interface RenderedMarkdown {
  /** The text of the first `#` heading. */
  readonly title: string;
  readonly html: string;
  /** Whether the page has `html live` examples (it then loads the elements). */
  readonly hasLiveExamples: boolean;
}

const DIRECTIVE = /^<!--\s*([a-z][a-z-]*)\s*([^\s]*)\s*-->\s*$/;

/** Rewrites `guide.md#x` to `guide.html#x`; leaves absolute URLs and anchors alone. */
export function rewriteHref(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return href;
  return href.replace(/(^|\/)([^/#?]*)\.md(?=$|[#?])/, '$1$2.html');
}

/** The status line of a server-backed example while the in-page order server starts, per page language. */
const STARTING: Record<Lang, string> = {
  en: 'Starting the order server in this page…',
  'zh-CN': '正在本页中启动订单服务器…',
};

export function renderMarkdown(
  source: string,
  directives: Record<string, Directive>,
  lang: Lang = 'en',
): RenderedMarkdown {
  const slugger = new Slugger();
  let title = '';
  let hasLiveExamples = false;
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading(token: Tokens.Heading): string {
        const inner = this.parser.parseInline(token.tokens);
        const plain = inner.replace(/<[^>]*>/g, '');
        if (token.depth === 1 && !title) title = decodeEntities(plain);
        return `<h${token.depth} id="${escapeHtml(slugger.slug(decodeEntities(plain)))}">${inner}</h${token.depth}>\n`;
      },
      code(token: Tokens.Code): string {
        const [language = '', ...flags] = (token.lang ?? '').split(/\s+/);
        const code = `<pre><code${language ? ` class="language-${escapeHtml(language)}"` : ''}>${escapeHtml(token.text)}</code></pre>\n`;
        if (!flags.includes('live')) return code;
        hasLiveExamples = true;
        // `html live api`: the example talks to the playground's in-browser order server; its
        // markup waits in a <template> until that server answers, so no request goes out early.
        const preview = flags.includes('api')
          ? `<div class="example-preview" data-live-example data-live-api>\n<template>\n${token.text}\n</template>\n` +
            `<p class="example-status" role="status">${STARTING[lang]}</p>\n</div>\n`
          : `<div class="example-preview" data-live-example>\n${token.text}\n</div>\n`;
        return `<figure class="example">\n${preview}${code}</figure>\n`;
      },
      html(token: Tokens.HTML | Tokens.Tag): string {
        const match = DIRECTIVE.exec(token.text.trim());
        const directive = match?.[1] ? directives[match[1]] : undefined;
        return directive ? directive(match?.[2] ?? '', lang) : token.text;
      },
      link(token: Tokens.Link): string {
        const inner = this.parser.parseInline(token.tokens);
        const titleAttribute = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<a href="${escapeHtml(rewriteHref(token.href))}"${titleAttribute}>${inner}</a>`;
      },
    },
  });
  // Wide tables (also the directives' generated ones) scroll sideways on their own instead of
  // widening the page.
  const html = marked
    .parse(source, { async: false })
    .replace(/<table\b/g, '<div class="table-scroll"><table')
    .replace(/<\/table>/g, '</table></div>');
  if (!title) throw new Error('a docs page needs a "# Title" heading');
  return { title, html, hasLiveExamples };
}

/** Turns the few entities marked writes back into text (for titles and ids). */
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
