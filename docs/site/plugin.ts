/**
 * The Vite plugin that makes the docs site: each Markdown page under docs/ becomes a virtual
 * HTML entry (`guide/routing.md` → `guide/routing.html`) rendered at build time with the shared
 * layout, so there is no generated file to keep in sync and Vite bundles each page's scripts
 * and styles as for any HTML file. In `vite dev` the same pages are served by a middleware.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { cdnIntegrityHtml } from './cdn-integrity.js';
import {
  elementApiHtml,
  elementDescriptionHtml,
  readElements,
  type ElementDeclaration,
} from './element-api.js';
import { layout, type SiteIndex } from './layout.js';
import { renderMarkdown, type Directive } from './markdown.js';
import type { Lang } from './nav.js';
import { openApiHtml, type OpenApiDocument } from './openapi.js';
import { findPages, type PageSource } from './pages.js';
import { SAMPLE_MODULE, sampleModuleSource } from './sample-data.js';

export interface DocsSiteOptions {
  /** The docs folder (Vite's root). */
  readonly docsRoot: string;
  /** The repository root. */
  readonly repoRoot: string;
  /** Path of custom-elements.json. */
  readonly manifestPath: string;
  /** Path of the script-tag build's manifest.json (SRI hashes). */
  readonly cdnManifestPath: string;
  /** Loads the server's OpenAPI document. */
  readonly loadOpenApi: () => Promise<OpenApiDocument>;
}

/** The HTML entries for `build.rolldownOptions.input`: one per Markdown page. */
export function pageEntries(docsRoot: string): Record<string, string> {
  return Object.fromEntries(
    findPages(docsRoot).map((page) => [page.route.replace(/\.html$/, ''), join(docsRoot, page.route)]),
  );
}

export function docsSite(options: DocsSiteOptions): Plugin {
  const { docsRoot, repoRoot } = options;
  const resolvedSample = `\0${SAMPLE_MODULE}`;

  /** Renders every page once per build (titles are needed by every sidebar). */
  async function renderSite(): Promise<Map<string, string>> {
    const pages = findPages(docsRoot);
    let elements: Map<string, ElementDeclaration> | undefined;
    let openApi: string | undefined;
    const directives: Record<string, Directive> = {
      'element-api': (tag, lang) =>
        elementApiHtml((elements ??= readElements(options.manifestPath)), tag, lang),
      'element-description': (tag) =>
        elementDescriptionHtml((elements ??= readElements(options.manifestPath)), tag),
      'cdn-integrity': () => cdnIntegrityHtml(options.cdnManifestPath),
      'openapi-reference': () => {
        if (openApi === undefined) throw new Error('the OpenAPI document was not loaded');
        return openApi;
      },
    };
    const sources = pages.map((page) => ({ page, text: readFileSync(page.file, 'utf8') }));
    if (sources.some(({ text }) => text.includes('<!-- openapi-reference'))) {
      openApi = openApiHtml(await options.loadOpenApi());
    }
    const rendered = sources.map(({ page, text }) => {
      try {
        return { page, ...renderMarkdown(text, directives, page.lang) };
      } catch (error) {
        throw new Error(`docs/${page.route.replace(/\.html$/, '.md')}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    });
    const byKey = new Map<string, Map<Lang, { page: PageSource; title: string }>>();
    for (const { page, title } of rendered) {
      const versions = byKey.get(page.key) ?? new Map<Lang, { page: PageSource; title: string }>();
      versions.set(page.lang, { page, title });
      byKey.set(page.key, versions);
    }
    const site: SiteIndex = { byKey, hasPlayground: existsSync(join(docsRoot, 'playground/index.html')) };
    return new Map(
      rendered.map(({ page, title, html, hasLiveExamples }) => [
        join(docsRoot, page.route),
        layout({ page, title, body: html, site, liveExamples: hasLiveExamples }),
      ]),
    );
  }

  let built: Promise<Map<string, string>> | undefined;
  const htmlFor = async (id: string): Promise<string | undefined> => (await (built ??= renderSite())).get(id);

  return {
    name: 'chainkit-docs-site',
    enforce: 'pre',
    buildStart() {
      built = undefined;
    },
    async resolveId(id) {
      if (id === SAMPLE_MODULE) return resolvedSample;
      if (id.endsWith('.html') && (await htmlFor(id)) !== undefined) return id;
      return undefined;
    },
    async load(id) {
      if (id === resolvedSample) return sampleModuleSource(repoRoot);
      if (id.endsWith('.html')) return htmlFor(id);
      return undefined;
    },
    configureServer(server: ViteDevServer) {
      // Serve the pages in `vite dev`: /docs/x.html (and /docs/ for the home page).
      server.middlewares.use(async (request, response, next) => {
        try {
          const url = new URL(request.url ?? '/', 'http://localhost');
          const base = server.config.base;
          if (!url.pathname.startsWith(base)) return next();
          let route = url.pathname.slice(base.length);
          if (route === '' || route.endsWith('/')) route += 'index.html';
          built = undefined; // Markdown may have changed: render afresh on each page request.
          const html = await htmlFor(join(docsRoot, route));
          if (html === undefined) return next();
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(await server.transformIndexHtml(url.pathname, html));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
