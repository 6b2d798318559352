/**
 * Messages between the playground page and its preview frame (same origin; each side checks
 * the sender's origin and window before reading a message).
 */

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Only changes how amounts are labelled: the demo catalog is priced in CNY. */
export const CURRENCIES = ['CNY', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The attributes and theme panel: applied to the preview, kept in the URL. */
export interface PreviewSettings {
  readonly locale: Locale;
  readonly currency: Currency;
  readonly theme: Theme;
  /** `--chain-color-primary`, `#rrggbb`. */
  readonly accent: string;
  /** `--chain-radius` in px, 0–24. */
  readonly radius: number;
}

export const DEFAULT_SETTINGS: PreviewSettings = {
  locale: 'en',
  currency: 'CNY',
  theme: 'light',
  accent: '#c2410c',
  radius: 6,
};

export const RENDER = 'chainkit-playground:render';
export const READY = 'chainkit-playground:ready';
export const RENDERED = 'chainkit-playground:rendered';

/** Page → preview: show this HTML (sanitized there) with these settings. */
export interface RenderMessage {
  readonly type: typeof RENDER;
  readonly html: string;
  readonly settings: PreviewSettings;
}

/** Preview → page. */
export type PreviewMessage = { readonly type: typeof READY } | { readonly type: typeof RENDERED };

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Settings read from untrusted input (a shared URL, a message), or `null` when any field is off. */
export function parseSettings(value: unknown): PreviewSettings | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isOneOf(LOCALES, v.locale) || !isOneOf(CURRENCIES, v.currency) || !isOneOf(THEMES, v.theme))
    return null;
  if (typeof v.accent !== 'string' || !/^#[0-9a-f]{6}$/i.test(v.accent)) return null;
  if (typeof v.radius !== 'number' || !Number.isInteger(v.radius) || v.radius < 0 || v.radius > 24)
    return null;
  return { locale: v.locale, currency: v.currency, theme: v.theme, accent: v.accent, radius: v.radius };
}
