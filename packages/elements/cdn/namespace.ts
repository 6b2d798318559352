/**
 * `window.Chainkit`, the one global the CDN builds create: the version on the page and a manual
 * `define()`. Shared by the loader (`chainkit.js`) and the full bundle (`chainkit.full.js`).
 */

/** What `window.Chainkit` holds. */
export interface ChainkitNamespace {
  /** The `@chainkit/elements` version of the copy that claimed the namespace. */
  readonly version: string;
  /**
   * Registers the named `chain-*` elements now (every element when called with no name) and
   * resolves once they are defined. The loader registers tags it sees in the document by itself;
   * call this for elements it cannot see, e.g. inside closed shadow roots or before they are
   * attached. Rejects for an unknown tag or a chunk that failed to load.
   */
  define(...tags: string[]): Promise<void>;
}

declare global {
  interface Window {
    Chainkit?: ChainkitNamespace;
  }
}

/**
 * Whether another copy (the loader included twice, or another version) already claimed
 * `window.Chainkit`. If so, warns once for this copy, which must then stand back: it registers
 * nothing and leaves the namespace as it is.
 */
export function standsBack(version: string, kind: string): boolean {
  const other = window.Chainkit;
  if (!other) return false;
  console.warn(
    `Chainkit: ${kind} v${version} stands back: Chainkit v${String(other.version)} is already on ` +
      'this page (included twice, or two versions). Load Chainkit once per page.',
  );
  return true;
}

/** Publishes the namespace (read-only) as `window.Chainkit`. */
export function claim(namespace: ChainkitNamespace): void {
  Object.defineProperty(window, 'Chainkit', {
    value: Object.freeze(namespace),
    configurable: true,
    enumerable: true,
    writable: false,
  });
}
