/**
 * The Chainkit loader, `chainkit.js`: the one classic script a merchant pastes,
 *
 *   <script src="https://orders.example/cdn/chainkit.js" defer></script>
 *
 * It knows which hashed ES module chunk registers each `chain-*` tag (the build writes the map
 * in), watches the document (and the open shadow roots of the page's own elements it finds), and
 * `import()`s a tag's chunks (its entry and the shared chunks it imports, fetched in parallel)
 * the first time the tag appears — at start or added later. Chunk URLs are resolved against the
 * loader's own URL, so the folder can live on any origin or CDN. Tags it cannot see (closed
 * shadow roots, elements not yet attached) are registered with `Chainkit.define(tag)`.
 *
 * The only global is `window.Chainkit` ({@link ChainkitNamespace}). A second copy (the loader
 * included twice, or another version first) warns once and stands back.
 */
import { claim, standsBack } from './namespace.js';

/**
 * Written in by the build: version, the chunk files the loader imports itself (not those only the
 * chunks import), and per tag the indexes of the files it needs (entry first) in each of four
 * sets of chunks: [0] with the code every element needs in its own chunk (a page with only
 * `<chain-money>` or `<chain-order-status>` loads that and not the shop), [1] with that code and
 * the shop elements' in one chunk (fewer, better compressed bytes for a shop page), [2] and [3],
 * sets 0 and 1 built with the Chinese text in them (a Chinese page loads no text chunk). Which set
 * a page uses is decided once, by the first tags found and the page's language: 1 or 3 if one of
 * them is a shop tag (`p`), else 0 or 2.
 */
declare const __CHAINKIT_LOADER__: {
  readonly v: string;
  readonly f: readonly string[];
  readonly t: Readonly<
    Record<string, readonly [split: number[], shop: number[], chineseSplit: number[], chineseShop: number[]]>
  >;
  readonly p: readonly string[];
};

/** The sets of chunks in `__CHAINKIT_LOADER__.t`: the shop one is the split one plus 1… */
const SHOP = 1;
/** …and the Chinese one the English one plus 2. */
const CHINESE = 2;

const { v: version, f: files, t: tags, p: shop } = __CHAINKIT_LOADER__;

if (!standsBack(version, 'loader')) {
  // `currentScript` is only set while this classic script runs: read it now.
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="chainkit"]');
  const base = script?.src || location.href;
  const loading = new Map<string, Promise<unknown>>();
  const options: MutationObserverInit = { childList: true, subtree: true };
  let chosen: number | undefined;

  /** Imports the chunk `files[index]`, resolved against the loader's URL. */
  const importFile = (index: number): Promise<unknown> => import(new URL(files[index]!, base).href);

  /** Loads the chunks of `found` (known tags), choosing the set of chunks on the first call. */
  const load = (found: string[]): Promise<unknown>[] => {
    // A Chinese page (the elements' rule: <html lang>, else the browser's language) loads the
    // chunks with the Chinese in them, so it never shows English first and fetches no text.
    chosen ??=
      (found.some((tag) => shop.includes(tag)) ? SHOP : 0) +
      (/^zh\b/i.test(document.documentElement.lang || navigator.language) ? CHINESE : 0);
    return found.map(loadTag);
  };

  const loadTag = (tag: string): Promise<unknown> => {
    let done = loading.get(tag);
    if (!done) {
      // The chunks register their tags one task at a time (cdn/staggered-define.ts).
      done = Promise.all(tags[tag]![chosen!].map(importFile)).then(() => customElements.whenDefined(tag));
      loading.set(tag, done);
      done.catch((error: unknown) => {
        // Forget the failure so the tag is tried again when it next appears.
        loading.delete(tag);
        observer.observe(document, options);
        console.error(`Chainkit: could not load <${tag}>`, error);
      });
    }
    return done;
  };

  /**
   * Loads every not yet loaded tag found in or at `root`, looking into the open shadow roots of
   * the page's own elements too (and watching them); stops watching once all tags are loaded.
   */
  const scan = (root: Document | ShadowRoot | Element): void => {
    const wanted = Object.keys(tags).filter((tag) => !loading.has(tag) && !customElements.get(tag));
    if (wanted.length === 0) {
      observer.disconnect();
      return;
    }
    const elements = root.querySelectorAll('*');
    const found: string[] = [];
    for (const element of root instanceof Element ? [root, ...elements] : elements) {
      // A name lookup, not `matches()`: this visits every element of the page.
      if (wanted.includes(element.localName)) found.push(element.localName);
      // A Chainkit element's own shadow root never holds another chain-* tag.
      const shadow = element.shadowRoot;
      if (shadow && !element.localName.startsWith('chain-') && !watched.has(shadow)) {
        watched.add(shadow);
        observer.observe(shadow, options);
        scan(shadow);
      }
    }
    if (found.length > 0) load(found);
  };

  const watched = new WeakSet<ShadowRoot>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });

  claim({
    version,
    define(...names: string[]): Promise<void> {
      const wanted = names.length > 0 ? names : Object.keys(tags);
      const unknown = wanted.find((tag) => !tags[tag]);
      return Promise.all([
        ...load(wanted.filter((tag) => tags[tag])),
        unknown && Promise.reject(new TypeError(`Chainkit: no element <${unknown}>`)),
      ]).then(() => undefined);
    },
  });
  observer.observe(document, options);
  scan(document);
}
