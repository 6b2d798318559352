/**
 * The playground's state in the URL hash, so a link reproduces it: `#s=` + base64url of the
 * deflate-raw-compressed JSON `{ preset, html, settings }`. A hash comes from whoever wrote the
 * link, so reading it checks every field and caps the sizes; the HTML in it is rendered only
 * through the sanitizer, in the preview.
 */
import { parseSettings, type PreviewSettings } from './protocol.js';
import { PRESET_IDS, type PresetId } from './presets.js';

export interface PlaygroundState {
  readonly preset: PresetId;
  readonly html: string;
  readonly settings: PreviewSettings;
}

const PREFIX = '#s=';
/** Largest HTML accepted from a link (characters), and largest decompressed state (bytes). */
export const MAX_HTML_CHARS = 100_000;
const MAX_STATE_BYTES = 4 * MAX_HTML_CHARS;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // A tiny link can inflate to gigabytes; stop reading long before that.
    if (size > MAX_STATE_BYTES) {
      await reader.cancel();
      throw new Error('the state is too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The hash (`#s=…`) for `state`. */
export async function encodeState(state: PlaygroundState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The state in `hash`; `null` when there is none, an `Error` saying why when it is unreadable. */
export async function decodeState(hash: string): Promise<PlaygroundState | Error | null> {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const bytes = await pipe(
      fromBase64Url(hash.slice(PREFIX.length)),
      new DecompressionStream('deflate-raw'),
    );
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const settings = parseSettings(value.settings);
    const preset = value.preset;
    if (
      typeof preset !== 'string' ||
      !(PRESET_IDS as readonly string[]).includes(preset) ||
      typeof value.html !== 'string' ||
      value.html.length > MAX_HTML_CHARS ||
      settings === null
    ) {
      return new Error('the link holds an unexpected state');
    }
    return { preset: preset as PresetId, html: value.html, settings };
  } catch (error) {
    return new Error(`the link's state could not be read (${(error as Error).message})`);
  }
}
