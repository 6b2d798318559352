// Benchmark: quote a 1,000-line cart over 200 offers (budget: median ≤ 1 ms, see
// /work/shared/context/performance.md). Imports the built package, so run `npx tsc -b` first.
// `node packages/core/bench/quote.bench.mjs` prints one line; `run()` is what `npm run bench` calls.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { quote, validateCatalog } from '../dist/index.js';

const OFFERS = 200;
const SKUS_PER_OFFER = 5;
const LINES = 1000;
const WARMUP = 200;
const ITERATIONS = 500;
const BUDGET_MS = 1;

/** A small deterministic PRNG, so every run measures the same cart. */
function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function ladder(base, random) {
  const tiers = [];
  let min = 1 + Math.floor(random() * 5);
  let price = base;
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i += 1) {
    tiers.push({ minQuantity: min, unitPrice: price });
    min += 20 + Math.floor(random() * 300);
    price -= Math.floor(price * 0.05);
  }
  return tiers;
}

/** 200 offers: alternating scopes, every third with a SKU-level ladder, every fifth with SKU rules. */
export function buildCatalog(random = lcg(42)) {
  const offers = [];
  for (let o = 0; o < OFFERS; o += 1) {
    const skus = [];
    for (let s = 0; s < SKUS_PER_OFFER; s += 1) {
      const sku = { id: `o${o}-s${s}`, attributes: { color: `c${s}`, size: 'M' } };
      if (o % 3 === 0 && s === 0) sku.tiers = ladder(2000 + o, random);
      if (o % 5 === 0 && s === 1) sku.rules = { moq: 2, step: 1, max: 5000 };
      skus.push(sku);
    }
    offers.push({
      id: `o${o}`,
      title: { 'zh-CN': `商品 ${o}`, en: `Offer ${o}` },
      category: 'bench',
      unit: 'piece',
      pricing: { scope: o % 2 === 0 ? 'offer' : 'sku', tiers: ladder(1500 + o, random) },
      rules: { moq: 1, step: 1, max: null },
      skus,
      sourcing: [{ factoryId: `f${o % 4}`, priority: 1 }],
    });
  }
  const factories = [0, 1, 2, 3].map((i) => ({
    id: `f${i}`,
    name: `Factory ${i}`,
    region: 'CN-ZJ',
    dailyCapacity: 1000,
    leadTimeDays: 1,
  }));
  const result = validateCatalog({ currency: 'CNY', factories, offers });
  if (!result.ok) throw new Error(`bench catalog is invalid: ${result.problems[0]?.message}`);
  return result.catalog;
}

/** 1,000 lines over the catalog's 1,000 SKUs in shuffled order, some SKUs twice. */
export function buildCart(random = lcg(7)) {
  const lines = [];
  for (let i = 0; i < LINES; i += 1) {
    const offer = Math.floor(random() * OFFERS);
    const sku = Math.floor(random() * SKUS_PER_OFFER);
    lines.push({ skuId: `o${offer}-s${sku}`, quantity: 1 + Math.floor(random() * 400) });
  }
  return lines;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs the benchmark and prints one summary line. */
export async function run() {
  const catalog = buildCatalog();
  const lines = buildCart();
  const coldStart = performance.now();
  let sink = quote(catalog, lines).subtotal; // first call also builds the cached catalog index
  const cold = performance.now() - coldStart;
  for (let i = 0; i < WARMUP; i += 1) sink += quote(catalog, lines).subtotal;
  const times = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const start = performance.now();
    sink += quote(catalog, lines).subtotal;
    times.push(performance.now() - start);
  }
  if (!Number.isFinite(sink)) throw new Error('unexpected subtotal');
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const ok = median <= BUDGET_MS;
  const name = `core: quote ${LINES} lines / ${OFFERS} offers`;
  console.log(
    `${name} — median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (budget ${BUDGET_MS} ms) ${ok ? 'OK' : 'OVER BUDGET'}` +
      ` · first call incl. index build ${cold.toFixed(2)} ms`,
  );
  return { name, median, p95, budget: BUDGET_MS, ok };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run();
  if (!result.ok) process.exitCode = 1;
}
