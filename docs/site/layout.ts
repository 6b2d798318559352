/**
 * The one page shell: header (home, playground, language switch), the sidebar, the article and
 * the footer. Links between pages are relative so the built site works wherever it is served;
 * the stylesheet and scripts are root-relative source paths that Vite bundles and rewrites to
 * hashed files under the base. No inline script or style: the site runs under `script-src 'self'`.
 */
import { escapeHtml } from './slug.js';
import { LANGS, NAV, UI, type Lang } from './nav.js';
import { relativeUrl, type PageSource } from './pages.js';

export interface SiteIndex {
  /** page key → language → the page and its title */
  readonly byKey: ReadonlyMap<string, ReadonlyMap<Lang, { page: PageSource; title: string }>>;
  /** Whether the playground's pages are part of the build. */
  readonly hasPlayground: boolean;
}

export interface LayoutInput {
  readonly page: PageSource;
  readonly title: string;
  readonly body: string;
  readonly site: SiteIndex;
  /** Loads the elements for live examples. */
  readonly liveExamples: boolean;
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The version of `key` in `lang`, else the English one. */
function pick(site: SiteIndex, key: string, lang: Lang) {
  const versions = site.byKey.get(key);
  return versions?.get(lang) ?? versions?.get('en');
}

function sidebar({ page, site }: LayoutInput): string {
  const sections = NAV.map((section) => {
    const items = section.pages
      .map((key) => {
        const target = pick(site, key, page.lang);
        if (!target) throw new Error(`the sidebar names docs/${key}.md, which does not exist`);
        const current = target.page.route === page.route ? ' aria-current="page"' : '';
        const href = relativeUrl(page.route, target.page.route);
        return `<li><a href="${href}"${current}>${escapeHtml(target.title)}</a></li>`;
      })
      .join('');
    return `<h2>${escapeHtml(section.title[page.lang])}</h2><ul>${items}</ul>`;
  }).join('\n');
  return `<nav class="sidebar" id="sidebar" aria-label="${UI[page.lang].docs}">\n${sections}\n</nav>`;
}

function languageSwitch({ page, site }: LayoutInput): string {
  const versions = site.byKey.get(page.key);
  if (!versions || versions.size < 2) return '';
  const links = LANGS.filter((lang) => versions.has(lang)).map((lang) => {
    const version = versions.get(lang)!;
    if (lang === page.lang) return `<li><span aria-current="true">${LANG_NAMES[lang]}</span></li>`;
    const href = relativeUrl(page.route, version.page.route);
    return `<li><a href="${href}" hreflang="${lang}" lang="${lang}">${LANG_NAMES[lang]}</a></li>`;
  });
  return `<nav class="language-switch" aria-label="${UI[page.lang].language}"><ul>${links.join('')}</ul></nav>`;
}

export function layout(input: LayoutInput): string {
  const { page, title, body, site, liveExamples } = input;
  const ui = UI[page.lang];
  const home = relativeUrl(page.route, pick(site, 'index', page.lang)?.page.route ?? 'index.html');
  const playground = site.hasPlayground
    ? `<a class="header-link" href="${relativeUrl(page.route, 'playground/index.html')}">${ui.playground}</a>`
    : '';
  const scripts = [
    '<script type="module" src="/client/site.ts"></script>',
    liveExamples ? '<script type="module" src="/client/live-examples.ts"></script>' : '',
  ].join('');
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Chainkit</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/client/site.css">
${scripts}
</head>
<body>
<a class="skip-link" href="#content">${ui.skip}</a>
<header class="site-header">
<a class="brand" href="${home}">Chainkit <span>${ui.docs}</span></a>
<button class="menu-button" type="button" aria-controls="sidebar" aria-expanded="false" hidden>${ui.menu}</button>
${playground}
${languageSwitch(input)}
</header>
<div class="site-body">
${sidebar(input)}
<main id="content">
<article class="prose">
${body}
</article>
</main>
</div>
<footer class="site-footer"><p>${ui.footer}</p></footer>
</body>
</html>
`;
}
