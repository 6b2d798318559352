/**
 * The tests read the built site (docs/dist). `npm test` builds it first (`npm run build:docs`);
 * when it is missing (a test run on its own), build it here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const docsDist = join(repoRoot, 'docs/dist');

export function ensureDocsBuilt(): void {
  if (existsSync(join(docsDist, 'index.html'))) return;
  const built = spawnSync('npm', ['run', 'build:docs'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`npm run build:docs failed (exit ${built.status ?? built.signal})`);
}
