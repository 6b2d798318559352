import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens. Every Chainkit element reads its colours, radius, type and spacing from these
 * `--chain-*` custom properties, always through `var(--chain-…, fallback)`, so:
 *
 * - with no theming at all the elements use the fallbacks below (a light, neutral look);
 * - a page themes every element at once by setting the properties on `:root`, on any ancestor or
 *   on one element (they inherit through shadow roots);
 * - `@chainkit/elements/themes/light.css` and `dark.css` are ready-made presets.
 *
 * Elements never set a token on `:host`: a value declared there would beat the one the page
 * sets on an ancestor.
 */
export const tokenDefaults = {
  '--chain-color-primary': '#c2410c',
  '--chain-color-text': '#1f2937',
  '--chain-color-surface': '#ffffff',
  '--chain-color-border': '#d1d5db',
  '--chain-color-danger': '#b91c1c',
  '--chain-color-success': '#15803d',
  '--chain-radius': '0.375rem',
  '--chain-font-family':
    "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  '--chain-font-size': '1rem',
  '--chain-space-1': '0.25rem',
  '--chain-space-2': '0.5rem',
  '--chain-space-3': '0.75rem',
  '--chain-space-4': '1rem',
  '--chain-focus-ring-color': '#2563eb',
  '--chain-focus-ring-width': '2px',
  '--chain-focus-ring-offset': '2px',
} as const;

/** The name of a Chainkit design token (a CSS custom property). */
export type ChainToken = keyof typeof tokenDefaults;

/** Every token name, in declaration order. */
export const tokenNames = Object.keys(tokenDefaults) as ChainToken[];

/** `var(--chain-…, <default>)` for one token, as a Lit `css` value to interpolate into styles. */
export function token(name: ChainToken): CSSResult {
  // The names and defaults are the constants above, never user input.
  return unsafeCSS(`var(${name}, ${tokenDefaults[name]})`);
}

/** `--chain-color-primary` → `colorPrimary`. */
type CamelToken<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelToken<Tail>>}`
  : S;

/**
 * The tokens as ready-to-interpolate `css` values, e.g.
 * ``css`:host { color: ${tokens.colorText}; }` ``: `colorPrimary`, `colorText`, `colorSurface`,
 * `colorBorder`, `colorDanger`, `colorSuccess`, `radius`, `fontFamily`, `fontSize`, `space1`–`space4`,
 * `focusRingColor`, `focusRingWidth`, `focusRingOffset`.
 */
export const tokens = Object.fromEntries(
  tokenNames.map((name) => [name.slice(8).replace(/-(.)/g, (_, c: string) => c.toUpperCase()), token(name)]),
) as { readonly [K in ChainToken as CamelToken<K extends `--chain-${infer R}` ? R : never>]: CSSResult };

/**
 * The keyboard focus ring, for any focusable part: `--chain-focus-ring-width` solid
 * `--chain-focus-ring-color`, `--chain-focus-ring-offset` away from the box. Add to an element's
 * `styles`; it applies to `:focus-visible` only, so mouse users don't see it.
 */
export const focusRing = css`
  :focus-visible {
    outline: ${tokens.focusRingWidth} solid ${tokens.focusRingColor};
    outline-offset: ${tokens.focusRingOffset};
  }
`;
