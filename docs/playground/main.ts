/**
 * The playground page: editor, presets, the attributes/theme panel, the URL state, the embed
 * code, and the preview frame fed with the editor's HTML. The order server starts in this page
 * (api.ts) before the frame loads, so every request of the frame is answered by it; the frame
 * is loaded once and re-rendered by message, which keeps the database and the elements' code
 * warm across edits.
 */
import './playground.css';
import type { InBrowserServer } from '@chainkit/server/browser';
import { startPlaygroundApi } from './api.js';
import { enhanceEditor } from './editor.js';
import { advanceFactoryOrders } from './factory-sim.js';
import { embedCode } from './embed-code.js';
import { PRESETS, presetById, type PresetId } from './presets.js';
import {
  CURRENCIES,
  DEFAULT_SETTINGS,
  LOCALES,
  READY,
  RENDER,
  RENDERED,
  THEMES,
  type PreviewSettings,
  type RenderMessage,
} from './protocol.js';
import { decodeState, encodeState, MAX_HTML_CHARS, type PlaygroundState } from './url-state.js';

/** Re-render this long after the last keystroke. */
const TYPING_DELAY_MS = 400;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`playground: #${id} is missing from index.html`);
  return element as T;
}

const ui = {
  preset: byId<HTMLSelectElement>('preset'),
  run: byId<HTMLButtonElement>('run'),
  copy: byId<HTMLButtonElement>('copy-embed'),
  factories: byId<HTMLButtonElement>('factories'),
  status: byId<HTMLParagraphElement>('status'),
  editor: byId<HTMLTextAreaElement>('editor'),
  locale: byId<HTMLSelectElement>('locale'),
  currency: byId<HTMLSelectElement>('currency'),
  theme: byId<HTMLSelectElement>('theme'),
  accent: byId<HTMLInputElement>('accent'),
  radius: byId<HTMLInputElement>('radius'),
  radiusValue: byId<HTMLOutputElement>('radius-value'),
  embed: byId<HTMLElement>('embed-code'),
  slot: byId<HTMLDivElement>('preview-frame-slot'),
  loading: byId<HTMLParagraphElement>('preview-loading'),
};

for (const preset of PRESETS) ui.preset.append(new Option(preset.label, preset.id));
ui.editor.maxLength = MAX_HTML_CHARS;

let frame: HTMLIFrameElement | null = null;
let frameReady = false;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function say(text: string): void {
  ui.status.textContent = text;
}

function settingsFromUi(): PreviewSettings {
  const pick = <T extends string>(list: readonly T[], value: string, fallback: T): T =>
    (list as readonly string[]).includes(value) ? (value as T) : fallback;
  return {
    locale: pick(LOCALES, ui.locale.value, DEFAULT_SETTINGS.locale),
    currency: pick(CURRENCIES, ui.currency.value, DEFAULT_SETTINGS.currency),
    theme: pick(THEMES, ui.theme.value, DEFAULT_SETTINGS.theme),
    accent: /^#[0-9a-f]{6}$/i.test(ui.accent.value) ? ui.accent.value : DEFAULT_SETTINGS.accent,
    radius: Number(ui.radius.value),
  };
}

function stateFromUi(): PlaygroundState {
  return { preset: ui.preset.value as PresetId, html: ui.editor.value, settings: settingsFromUi() };
}

function showState(state: PlaygroundState): void {
  ui.preset.value = state.preset;
  ui.editor.value = state.html;
  ui.locale.value = state.settings.locale;
  ui.currency.value = state.settings.currency;
  ui.theme.value = state.settings.theme;
  ui.accent.value = state.settings.accent;
  ui.radius.value = String(state.settings.radius);
  ui.radiusValue.value = `${state.settings.radius}px`;
}

function defaultState(): PlaygroundState {
  const preset = presetById('storefront') ?? PRESETS[0]!;
  return { preset: preset.id, html: preset.html, settings: DEFAULT_SETTINGS };
}

/** Writes the state into the URL (replacing the entry: editing is not navigation). */
function saveSoon(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    void encodeState(stateFromUi()).then((hash) => {
      history.replaceState(null, '', hash);
    });
  }, 150);
}

function render(): void {
  clearTimeout(typingTimer);
  const state = stateFromUi();
  ui.embed.textContent = embedCode(state.html, state.settings);
  saveSoon();
  if (!frame?.contentWindow || !frameReady) return;
  const message: RenderMessage = { type: RENDER, html: state.html, settings: state.settings };
  frame.contentWindow.postMessage(message, location.origin);
}

function createFrame(): void {
  const iframe = document.createElement('iframe');
  iframe.title = 'Preview of the HTML';
  iframe.className = 'pg-frame';
  // allow-same-origin is needed: only a same-origin document is controlled by the service
  // worker that answers the API. With allow-scripts that makes the sandbox no wall against
  // script in the frame, so the preview renders the HTML only through the sanitizer (see
  // preview-main.ts). allow-forms: the order form submits its own (shadow) <form>, handled in
  // script. Not allowed: top navigation, modals, downloads.
  iframe.setAttribute(
    'sandbox',
    'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox',
  );
  iframe.src = new URL('preview.html', location.href).href;
  frame = iframe;
  ui.loading.hidden = true;
  ui.slot.append(iframe);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!frame || event.source !== frame.contentWindow || event.origin !== location.origin) return;
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === READY) {
    frameReady = true;
    render();
  } else if (type === RENDERED) {
    frame.dataset.rendered = String(Number(frame.dataset.rendered ?? '0') + 1);
  }
});

enhanceEditor(ui.editor, { onRun: render });
ui.run.addEventListener('click', render);
ui.editor.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(render, TYPING_DELAY_MS);
});
ui.preset.addEventListener('change', () => {
  const preset = presetById(ui.preset.value);
  if (!preset) return;
  ui.editor.value = preset.html;
  render();
});
for (const control of [ui.locale, ui.currency, ui.theme, ui.accent, ui.radius]) {
  control.addEventListener('input', () => {
    ui.radiusValue.value = `${ui.radius.value}px`;
    render();
  });
}
ui.copy.addEventListener('click', () => {
  const code = embedCode(ui.editor.value, settingsFromUi());
  navigator.clipboard.writeText(code).then(
    () => say('Embed code copied to the clipboard.'),
    () => {
      // No clipboard permission: show the code to copy by hand.
      const details = ui.embed.closest('details');
      if (details) details.open = true;
      say('Could not reach the clipboard; the embed code is shown below to copy.');
    },
  );
});

async function start(): Promise<void> {
  const fromLink = await decodeState(location.hash);
  if (fromLink instanceof Error) say(`Showing the default example: ${fromLink.message}.`);
  showState(fromLink instanceof Error || fromLink === null ? defaultState() : fromLink);
  render();
  const started = performance.now();
  let server: InBrowserServer;
  try {
    server = await startPlaygroundApi();
  } catch (error) {
    ui.loading.textContent = `The in-browser order server could not start: ${(error as Error).message}`;
    ui.loading.setAttribute('role', 'alert');
    return;
  }
  document.documentElement.dataset.apiMs = String(Math.round(performance.now() - started));
  createFrame();
  ui.factories.disabled = false;
  ui.factories.addEventListener('click', () => {
    advanceFactoryOrders(server).then(
      ({ accepted, shipped }) =>
        say(
          accepted + shipped === 0
            ? 'No sub-order is waiting for a factory; place an order first.'
            : `Factories accepted ${accepted} and shipped ${shipped} sub-order(s).`,
        ),
      (error: unknown) => say(`The factories could not be played: ${(error as Error).message}`),
    );
  });
}

void start();
