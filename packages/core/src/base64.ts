/**
 * Standard base64 (RFC 4648 §4, `+/` alphabet, `=` padding) for byte arrays, with no
 * `Buffer`, `btoa` or `atob`, so it runs the same in browsers, Node and workers.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Char code → 6-bit value, −1 for characters outside the alphabet. */
const LOOKUP: readonly number[] = Array.from({ length: 128 }, (_, code) =>
  ALPHABET.indexOf(String.fromCharCode(code)),
);

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/**
 * Decodes standard base64; padding is optional. Returns `null` for anything else
 * (other characters, whitespace, a bad length or non-zero trailing bits).
 */
export function decodeBase64(text: string): Uint8Array | null {
  let s = text;
  if (s.length % 4 === 0 && s.endsWith('==')) s = s.slice(0, -2);
  else if (s.length % 4 === 0 && s.endsWith('=')) s = s.slice(0, -1);
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < s.length; i += 1) {
    const v = LOOKUP[s.charCodeAt(i)] ?? -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o] = (acc >> bits) & 0xff;
      o += 1;
      acc &= (1 << bits) - 1;
    }
  }
  // Leftover bits must be zero, so every byte string has exactly one encoding.
  if (acc !== 0) return null;
  return out;
}
