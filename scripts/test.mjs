#!/usr/bin/env node
// The one test command: type-check, lint, format check, vitest (pure code and server),
// Web Test Runner (elements in real Chromium). Ends with "N passed, N failed" summed
// across both runners, so a run that executed no test is visible.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'chainkit-test-'));
const vitestJson = join(work, 'vitest.json');
const wtrJson = join(work, 'wtr.json');
const problems = [];

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) problems.push(`${name} failed (exit ${result.status ?? result.signal})`);
  console.log(`◀ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds}s`);
}

step('typecheck', 'npx', ['tsc', '-b']);
step('typecheck tests', 'npx', ['tsc', '-p', 'tsconfig.tests.json']);
// Code outside the project references: the docs site, the playground and the React example.
for (const project of [
  'docs/tsconfig.json',
  'docs/playground/tsconfig.json',
  'examples/react-vite/tsconfig.json',
]) {
  step(`typecheck ${project}`, 'npx', ['tsc', '-p', project]);
}
// The size budget and the end-to-end tests read the script-tag build: rebuild it from these sources.
step('build cdn', 'npm', ['run', 'build:cdn', '-w', '@chainkit/elements']);
// The docs tests (scripts/docs) crawl the built site: build it from these sources.
step('build docs', 'npm', ['run', 'build:docs']);
step('eslint', 'npx', ['eslint', '.', '--max-warnings=0']);
step('prettier', 'npx', ['prettier', '--check', '.']);
step('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
step('web-test-runner', 'npx', ['web-test-runner'], { CHAINKIT_WTR_COUNTS: wtrJson });

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A test file that failed to load runs no tests but must not pass silently.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !f.assertionResults?.length,
  );
  failed += brokenFiles.length;
} else problems.push('vitest wrote no report');
if (existsSync(wtrJson)) {
  const counts = JSON.parse(readFileSync(wtrJson, 'utf8'));
  passed += counts.passed;
  failed += counts.failed + counts.erroredFiles;
} else problems.push('web-test-runner wrote no report');

if (passed === 0) problems.push('no test ran');
for (const problem of problems) console.log(`✗ ${problem}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
