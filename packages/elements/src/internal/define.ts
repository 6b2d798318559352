/** A custom element class, optionally carrying the `@chainkit/elements` version it belongs to. */
export type DefinableElement = CustomElementConstructor & { readonly version?: string };

const warnedTags = new Set<string>();

/**
 * Registers `ctor` as `tagName`, safely when more than one copy of Chainkit is on the page.
 *
 * - Tags must start with `chain-`; anything else throws a `TypeError` (a programming error).
 * - The same class registered again under the same tag: nothing happens.
 * - Another class already holds the tag (a second copy or another version of Chainkit, or a
 *   page's own element): the first registration stays, `define` does not throw, and it
 *   `console.warn`s once per tag naming both versions.
 *
 * Element classes never call this themselves; `@chainkit/elements/define` (and each element's
 * `define.ts`) do.
 */
export function define(tagName: string, ctor: DefinableElement): void {
  if (!/^chain-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tagName)) {
    throw new TypeError(
      `Chainkit: cannot define <${tagName}>: Chainkit tags start with "chain-" and use lowercase ` +
        `letters, digits and single hyphens, e.g. "chain-money".`,
    );
  }
  const existing = customElements.get(tagName) as DefinableElement | undefined;
  if (existing === undefined) {
    customElements.define(tagName, ctor);
    return;
  }
  if (existing === ctor || warnedTags.has(tagName)) return;
  warnedTags.add(tagName);
  console.warn(
    `Chainkit: <${tagName}> is already registered by ${describe(existing)}; ` +
      `not registering ${describe(ctor)}. Load Chainkit once per page to avoid this.`,
  );
}

function describe(ctor: DefinableElement): string {
  const version = typeof ctor.version === 'string' ? `v${ctor.version}` : 'an unknown version';
  return `${ctor.name || 'an anonymous class'} (${version})`;
}
