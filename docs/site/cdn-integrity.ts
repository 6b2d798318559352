/**
 * The Subresource Integrity hashes of the script-tag build, read at build time from
 * packages/elements/dist-cdn/manifest.json (written by `npm run build:cdn -w @chainkit/elements`),
 * so the security page always shows the hashes of the build it was made with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { escapeHtml } from './slug.js';

interface CdnManifest {
  readonly version: string;
  readonly files: Record<
    string,
    { readonly integrity: string; readonly bytes: number; readonly brotli: number }
  >;
}

/** The entry files a page includes with a `<script>` tag. */
const ENTRIES = ['chainkit.js', 'chainkit.full.js'];

export function cdnIntegrityHtml(manifestPath: string): string {
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} is missing: build it with \`npm run build:cdn -w @chainkit/elements\``);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as CdnManifest;
  const rows = ENTRIES.map((name) => {
    const file = manifest.files[name];
    if (!file) throw new Error(`${manifestPath} lists no ${name}`);
    return (
      `<tr><td><code>${name}</code></td><td><code>${escapeHtml(file.integrity)}</code></td>` +
      `<td>${(file.brotli / 1024).toFixed(1)} KB</td></tr>`
    );
  });
  return (
    `<p>For <code>@chainkit/elements</code> ${escapeHtml(manifest.version)}:</p>\n` +
    `<table class="api-table" data-api="integrity"><thead><tr><th scope="col">File</th>` +
    `<th scope="col"><code>integrity</code></th><th scope="col">Brotli</th></tr></thead>\n<tbody>${rows.join('\n')}</tbody></table>\n`
  );
}
