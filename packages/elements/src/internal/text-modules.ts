/**
 * Where the elements' text comes from: the language the `msg()` calls are written in, and how
 * another language's text is loaded.
 *
 * The code is written in English, and the Chinese is a module loaded on demand. The CDN build's
 * Chinese shop chunks (`scripts/inline-text.mjs`) have the Chinese written into their `msg()`
 * calls instead, and put a module of their own in place of this one, with `zh-CN` as the code's
 * language and the English as the module loaded on demand.
 */
import type { LocaleModule } from '@lit/localize';

/** The language of the text written in the `msg()` calls. */
export const CODE_LOCALE: string = 'en';

/** The text of `locale` (not {@link CODE_LOCALE}), keyed by message id. */
export function loadLocale(locale: string): Promise<LocaleModule> {
  if (locale === 'zh-CN') return import('../locales/zh-CN.js');
  return Promise.reject(new Error(`Chainkit has no translations for ${locale}`));
}
