#!/usr/bin/env node
// `npm run bench`: every package's benchmark, run on this machine, printed next to its budget
// or anchor measured in the same run. Benchmarks import built code (dist/), so build first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const build = spawnSync('npx', ['tsc', '-b'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const benches = [
  'packages/core/bench/quote.bench.mjs',
  'packages/server/bench/server.bench.mjs',
  'packages/elements/bench/size.bench.mjs',
  'packages/elements/bench/catalog.bench.mjs',
  'packages/elements/bench/order-matrix.bench.mjs',
  'scripts/bench/main-thread.bench.mjs',
  'docs/bench/size.bench.mjs',
];

let failures = 0;
for (const file of benches) {
  if (!existsSync(file)) continue;
  console.log(`\n▶ ${file}`);
  const { run } = await import(pathToFileURL(file).href);
  const results = [].concat(await run());
  for (const result of results) if (result.ok === false) failures += 1;
}
console.log(failures === 0 ? '\nbench: every budget met' : `\nbench: ${failures} budget(s) missed`);
process.exit(failures === 0 ? 0 : 1);
