import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a locale can come from besides the page's `lang` attributes. */
export interface LocaleSources {
  /**
   * The element's own locale (its `locale` property). Defaults to reading its `locale` attribute.
   */
  own?: () => string | null | undefined;
  /**
   * The locale of the enclosing `<chain-store>`, once that exists. This is the seam for the
   * store context: the store element will pass a getter reading its context value here.
   */
  store?: () => string | null | undefined;
}

/** The last resort when neither the page nor the browser names a usable locale. */
export const FALLBACK_LOCALE = 'en';

/**
 * Returns `tag` as a canonical BCP 47 locale (`zh-cn` → `zh-CN`), or `undefined` when it is
 * missing, empty or not a valid tag, so callers fall through to the next source instead of
 * letting `Intl` throw a `RangeError` later.
 */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  const trimmed = tag?.trim();
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/**
 * The nearest `lang` at or above `element`, walking up the light tree and out of shadow roots
 * through their hosts (as HTML's language inheritance does). Empty or invalid `lang` values are
 * skipped.
 */
export function nearestLang(element: Element): string | undefined {
  for (let node: Element | null = element; node; node = node.parentElement ?? hostOf(node)) {
    const lang = canonicalLocale(node.getAttribute('lang'));
    if (lang) return lang;
  }
  return undefined;
}

function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The locale an element formats with, first usable of:
 * 1. its own locale (`sources.own`, by default its `locale` attribute);
 * 2. the store's locale (`sources.store`, from `<chain-store>` in a later release);
 * 3. the nearest `lang` attribute on it or an ancestor, crossing shadow roots;
 * 4. `document.documentElement.lang` (matters when the element is not in the document);
 * 5. `navigator.language`;
 * 6. {@link FALLBACK_LOCALE}.
 *
 * Explicit configuration (1, 2) wins over what the page implies (3–5). Invalid tags are skipped.
 */
export function resolveLocale(element: Element, sources: LocaleSources = {}): string {
  const own = sources.own ? sources.own() : element.getAttribute('locale');
  return (
    canonicalLocale(own) ??
    canonicalLocale(sources.store?.()) ??
    nearestLang(element) ??
    canonicalLocale(element.ownerDocument.documentElement.lang) ??
    canonicalLocale(globalThis.navigator?.language) ??
    FALLBACK_LOCALE
  );
}

/**
 * One `MutationObserver` for all connected controllers: it watches `lang` attributes in the
 * document and in the shadow roots the controllers' hosts live in, and tells each controller to
 * re-check its locale. Lang changes are rare, so this costs nothing while idle.
 */
const subscribers = new Set<LocaleController>();
let observer: MutationObserver | undefined;
let observedRoots = new WeakSet<Node>();

function observeRoot(root: Node): void {
  if (observedRoots.has(root)) return;
  observedRoots.add(root);
  observer ??= new MutationObserver(() => {
    for (const controller of subscribers) controller.langChanged();
  });
  observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function subscribe(controller: LocaleController, host: Element): void {
  subscribers.add(controller);
  observeRoot(host.ownerDocument.documentElement);
  // A lang set inside a shadow tree between the host and the document is not seen by the
  // document's subtree observation (it stops at shadow roots), so watch each enclosing root too.
  for (let root = host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    observeRoot(root);
  }
}

function unsubscribe(controller: LocaleController): void {
  subscribers.delete(controller);
  if (subscribers.size === 0 && observer) {
    observer.disconnect();
    observedRoots = new WeakSet();
  }
}

/**
 * Keeps an element's locale current. `locale` resolves as {@link resolveLocale} does; while the
 * host is connected the controller watches `lang` attributes (on `<html>`, on ancestors and in
 * enclosing shadow roots) and asks the host to re-render when its resolved locale changes. It
 * also re-checks when the host is moved to another place in the page.
 *
 * ```ts
 * #locale = new LocaleController(this, { own: () => this.locale });
 * render() { return format(this.#locale.locale); }
 * ```
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #sources: LocaleSources;
  #last: string | undefined;

  constructor(host: ReactiveControllerHost & Element, sources: LocaleSources = {}) {
    this.#host = host;
    this.#sources = sources;
    host.addController(this);
  }

  /** The locale to format with right now. */
  get locale(): string {
    this.#last = resolveLocale(this.#host, this.#sources);
    return this.#last;
  }

  hostConnected(): void {
    subscribe(this, this.#host);
    // Moved to a place with another lang while disconnected: render again.
    if (this.#last !== undefined) this.langChanged();
  }

  hostDisconnected(): void {
    unsubscribe(this);
  }

  /** @internal Called by the shared observer when some `lang` attribute changed. */
  langChanged(): void {
    if (resolveLocale(this.#host, this.#sources) !== this.#last) this.#host.requestUpdate();
  }
}
