/**
 * Localization of the elements' own text with `@lit/localize` in runtime mode (in the CDN build,
 * with `internal/localize-runtime.ts`, the part of its runtime the elements use).
 *
 * ## How to localize an element (the convention)
 *
 * 1. Wrap every user-visible string in `msg()` with an explicit, namespaced `id`
 *    (`<folder>.<what>`), and use `str` for strings with values:
 *
 *    ```ts
 *    import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
 *    constructor() { super(); updateWhenLocaleChanges(this); this.store = new StoreController(this); }
 *    render() {
 *      return html`<label>${msg('Search', { id: 'catalog.search' })}</label>
 *        ${msg(str`Add ${n} more to pay ${price}`, { id: 'ladder.nudge' })}`;
 *    }
 *    ```
 *
 *    The English in the source is the `en` text (`en` is the source locale: it needs no file).
 *
 * 2. Write the Chinese by hand in the element folder's own `translations/zh-CN.ts`, keyed by the
 *    same ids; a string with values is a `str` template whose expressions are the source
 *    values' indexes (so a translation may reorder them):
 *
 *    ```ts
 *    // src/ladder-price/translations/zh-CN.ts
 *    import { str } from '@lit/localize';
 *    export const templates = {
 *      'ladder.nudge': str`再加 ${0} 件，单价 ${1}`,
 *    };
 *    ```
 *
 * 3. Add one import and one spread line for the folder to `src/locales/zh-CN.ts`, which merges
 *    every folder's templates into the module `@lit/localize` loads for `zh-CN`.
 *
 * Each engineer only edits their own folder's file plus their own line in the merge file.
 * A missing translation falls back to the English source text, never to an id.
 *
 * ## Which language is shown
 *
 * `@lit/localize` keeps ONE active locale per page. It starts from the page (`<html lang>`,
 * then the browser's language) when the first element is created; `<chain-store locale>` sets
 * it when its locale changes; an element outside a store sets it from its own resolved locale
 * (see `StoreController`). Any `zh…` locale shows the Chinese text (`zh-CN`), anything else the
 * English. Numbers, money and dates are formatted separately with `Intl` in the element's exact
 * resolved locale (e.g. `zh-TW`), so they are right even where the text falls back.
 *
 * ## Two copies on one page
 *
 * `configureLocalization` may run once per copy of `@lit/localize`. When it was already
 * configured (another copy of Chainkit sharing one `@lit/localize`, or the page's own app),
 * Chainkit warns once and keeps working with whatever locale that configuration sets.
 */
import { configureLocalization } from '@lit/localize';
import { canonicalLocale, resolveLocale } from './locale.js';
import { CODE_LOCALE, loadLocale } from './text-modules.js';

/** The locale the source strings are written in (see `text-modules.ts` for the CDN's Chinese build). */
export const SOURCE_LOCALE = 'en';
/** Locales with hand-written translations. */
export const TARGET_LOCALES = ['zh-CN'] as const;

/** A locale Chainkit has text for. */
export type ChainTextLocale = typeof SOURCE_LOCALE | (typeof TARGET_LOCALES)[number];

interface Controls {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

let controls: Controls | undefined;

/** The page's first text language while it loads (see {@link pageTextLoading}). */
let firstText: Promise<void> | undefined;

/**
 * How long an element's first render waits for the page's text at most: a text chunk that hangs
 * must not keep the widgets from showing (they show English, then switch when it arrives).
 */
const FIRST_TEXT_WAIT_MS = 2_000;

/**
 * Configures `@lit/localize` once per copy of Chainkit, starting in the page's language.
 * Called by `StoreController` and `<chain-store>`; elements need not call it themselves.
 */
export function ensureLocalization(): void {
  if (controls) return;
  try {
    // The code's language needs no module; the other one is loaded when asked for.
    const configured = configureLocalization({
      sourceLocale: CODE_LOCALE,
      targetLocales: [SOURCE_LOCALE, ...TARGET_LOCALES].filter((locale) => locale !== CODE_LOCALE),
      loadLocale,
    });
    controls = configured;
    const initial = textLocaleFor(resolveLocale(document.documentElement));
    if (initial !== CODE_LOCALE) {
      const loaded = configured.setLocale(initial).catch(warnLoadFailure);
      const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_TEXT_WAIT_MS));
      const loading = Promise.race([loaded, waited]).then(() => {
        if (firstText === loading) firstText = undefined;
      });
      firstText = loading;
    }
  } catch {
    console.warn(
      'Chainkit: @lit/localize was already configured on this page (two copies of Chainkit, or the ' +
        "page's own app), so Chainkit cannot switch its text language; load Chainkit once per page.",
    );
    controls = { getLocale: () => CODE_LOCALE, setLocale: () => Promise.resolve() };
  }
}

/**
 * While the page's first text language (a Chinese page's translations) loads: a promise that
 * settles when it has loaded, failed or taken too long (2 s). Elements wait for it before their
 * first render (`ChainElement`), so a Chinese page never shows English first; the loader fetches
 * the text together with the elements' code, so the wait is normally nothing.
 */
export function pageTextLoading(): Promise<void> | undefined {
  return firstText;
}

/** The text locale for any BCP 47 tag: `zh`, `zh-CN`, `zh-Hant-TW` → `zh-CN`; anything else → `en`. */
export function textLocaleFor(locale: string | null | undefined): ChainTextLocale {
  const canonical = canonicalLocale(locale);
  return canonical !== undefined && /^zh(?:-|$)/i.test(canonical) ? 'zh-CN' : SOURCE_LOCALE;
}

/**
 * Switches the text of every Chainkit element on the page to `locale` (mapped by
 * {@link textLocaleFor}). Resolves once the translations are loaded and elements were asked to
 * re-render; a failure to load them is warned about, never thrown.
 */
export function setChainLocale(locale: string | null | undefined): Promise<void> {
  ensureLocalization();
  // No shortcut when `target` is the locale in effect: another may be loading, and this request
  // must win over it (the runtime's setLocale does nothing when nothing else is under way).
  return (controls as Controls).setLocale(textLocaleFor(locale)).catch(warnLoadFailure);
}

/** The text locale in effect: `en` or `zh-CN`. */
export function getChainLocale(): ChainTextLocale {
  ensureLocalization();
  return textLocaleFor((controls as Controls).getLocale());
}

function warnLoadFailure(error: unknown): void {
  console.warn('Chainkit: could not load translations; showing English.', error);
}
