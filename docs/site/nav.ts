/**
 * The sidebar: sections and the pages in them, by page key (the Markdown path without `.md`,
 * the same for both languages). Page titles come from the pages' own `#` headings.
 */
export type Lang = 'en' | 'zh-CN';

export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

export interface NavSection {
  readonly title: Record<Lang, string>;
  readonly pages: readonly string[];
}

export const ELEMENT_TAGS = [
  'chain-store',
  'chain-catalog',
  'chain-ladder-price',
  'chain-order-form',
  'chain-cart',
  'chain-order-status',
  'chain-money',
] as const;

export const NAV: readonly NavSection[] = [
  { title: { en: 'Introduction', 'zh-CN': '介绍' }, pages: ['index'] },
  {
    title: { en: 'Getting started', 'zh-CN': '快速上手' },
    pages: [
      'getting-started/script-tag',
      'getting-started/npm',
      'getting-started/react',
      'getting-started/vue',
    ],
  },
  { title: { en: 'Elements', 'zh-CN': '组件' }, pages: ELEMENT_TAGS.map((tag) => `elements/${tag}`) },
  {
    title: { en: 'Guides', 'zh-CN': '指南' },
    pages: [
      'guide/ladder-pricing',
      'guide/quantity-rules',
      'guide/store-file',
      'guide/routing',
      'guide/webhooks',
      'guide/theming',
      'guide/localization',
      'guide/security',
      'guide/running-the-server',
    ],
  },
  {
    title: { en: 'Reference', 'zh-CN': '参考' },
    pages: ['guide/http-api', 'reference/http-api'],
  },
];

/** Words of the layout itself. */
export const UI: Record<
  Lang,
  Record<'skip' | 'docs' | 'language' | 'playground' | 'menu' | 'footer', string>
> = {
  en: {
    skip: 'Skip to content',
    docs: 'Documentation',
    language: 'Language',
    playground: 'Playground',
    menu: 'Menu',
    footer: 'Chainkit is open source under the MIT licence.',
  },
  'zh-CN': {
    skip: '跳到正文',
    docs: '文档',
    language: '语言',
    playground: '在线试用',
    menu: '目录',
    footer: 'Chainkit 以 MIT 许可证开源。',
  },
};
