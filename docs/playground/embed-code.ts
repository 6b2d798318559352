/**
 * The "copy embed code" snippet: the one script tag, the theme as CSS custom properties, and
 * the editor's HTML with the panel's locale and currency on each `<chain-store>` and the
 * playground's API base replaced by the merchant's server.
 */
import { API_PATH } from './api-path.js';
import { DEFAULT_SETTINGS, type PreviewSettings } from './protocol.js';

export const SERVER_PLACEHOLDER = 'https://YOUR-SERVER';

/** Sets `name="value"` on every `<chain-store …>` start tag, replacing an existing value. */
function setStoreAttribute(html: string, name: string, value: string): string {
  const existing = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+)`, 'gi');
  return html.replace(/<chain-store\b([^>]*)>/gi, (_tag, attributes: string) => {
    const rest = attributes.replace(existing, '');
    return `<chain-store${rest} ${name}="${value}">`;
  });
}

function themeCss(settings: PreviewSettings): string {
  const lines = [
    `    --chain-color-primary: ${settings.accent};`,
    `    --chain-radius: ${settings.radius}px;`,
  ];
  const dark =
    settings.theme === 'dark'
      ? `\n<!-- Dark theme: add @chainkit/elements/src/themes/dark.css to your styles and` +
        ` class="chain-theme-dark" to <html>. -->`
      : '';
  return `<style>\n  chain-store {\n${lines.join('\n')}\n  }\n</style>${dark}`;
}

/** The snippet a merchant pastes into their page. */
export function embedCode(html: string, settings: PreviewSettings): string {
  let body = html.replaceAll(`"${API_PATH}"`, `"${SERVER_PLACEHOLDER}"`);
  body = setStoreAttribute(body, 'locale', settings.locale);
  body = setStoreAttribute(body, 'currency', settings.currency);
  const customTheme =
    settings.accent !== DEFAULT_SETTINGS.accent ||
    settings.radius !== DEFAULT_SETTINGS.radius ||
    settings.theme !== DEFAULT_SETTINGS.theme;
  return [
    `<script src="${SERVER_PLACEHOLDER}/cdn/chainkit.js" defer></script>`,
    ...(customTheme ? [themeCss(settings)] : []),
    body.trim(),
    '',
  ].join('\n');
}
