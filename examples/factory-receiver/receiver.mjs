#!/usr/bin/env node
// What a partner factory runs next to its production system: receives Chainkit's signed
// webhooks, verifies them with @chainkit/core, keeps its own queue, and accepts and ships each
// sub-order through the factory API with the factory's fk_ key. See README.md.
//
//   node examples/factory-receiver/receiver.mjs [--config FILE] [--api URL] [--port N]
//                                               [--queue FILE] [--accept-after MS] [--ship-after MS]
//
// Without --config it reads the demo store (examples/data/store.json): every factory's id,
// fk_ key and whsec_ secret, and the merchant's webhook secret. Logs are JSON lines with ids,
// statuses and timings only: never the buyer, the address or the payload.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { verifyWebhook } from '@chainkit/core';

const here = dirname(fileURLToPath(import.meta.url));
export const DEMO_STORE = join(here, '../data/store.json');
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The receiver's configuration from a Chainkit store file (or any JSON of the same shape):
 * `{ factories: [{ id, apiKey, webhookSecret }], webhooks?: { merchant?: { secret } } }`.
 */
export function configFromStoreFile(path) {
  const store = JSON.parse(readFileSync(path, 'utf8'));
  const factories = {};
  for (const factory of store.factories ?? []) {
    if (factory.id && factory.apiKey && factory.webhookSecret) {
      factories[factory.id] = { apiKey: factory.apiKey, secret: factory.webhookSecret };
    }
  }
  return { factories, merchantSecret: store.webhooks?.merchant?.secret };
}

/** A log line: JSON with a time, a level, a message and ids only (never personal data). */
function jsonLogger(stream = process.stdout) {
  const write =
    (level) =>
    (msg, fields = {}) =>
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger = { info() {}, warn() {}, error() {} };

/** The tracking number of a shipment: derived from the sub-order id, so a retried ship sends the same one. */
export function trackingNumberFor(factoryOrderId) {
  const digits = BigInt(`0x${createHash('sha256').update(factoryOrderId).digest('hex').slice(0, 15)}`);
  return `SF${(digits % 10n ** 12n).toString().padStart(12, '0')}`;
}

/**
 * The queue: webhook ids already taken (deduplication) and the jobs (one per sub-order),
 * in memory, or in a JSON file when `file` is given (written atomically after each change).
 */
class Queue {
  constructor(file) {
    this.file = file;
    const saved = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    this.seen = new Set(saved.seen ?? []);
    this.jobs = new Map(Object.entries(saved.jobs ?? {}));
  }

  save() {
    if (!this.file) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ seen: [...this.seen], jobs: Object.fromEntries(this.jobs) }));
    renameSync(tmp, this.file);
  }

  /** Records a webhook id with its job (if any) in one write; false when the id was seen already. */
  take(webhookId, job) {
    if (this.seen.has(webhookId)) return false;
    this.seen.add(webhookId);
    if (job && !this.jobs.has(job.id)) this.jobs.set(job.id, job);
    this.save();
    return true;
  }

  update(job) {
    this.jobs.set(job.id, job);
    this.save();
  }

  /** The jobs due at `now`, oldest first. */
  due(now) {
    return [...this.jobs.values()]
      .filter((job) => (job.step === 'accept' || job.step === 'ship') && job.nextAt <= now)
      .sort((a, b) => a.nextAt - b.nextAt);
  }
}

/**
 * Starts a receiver.
 *
 * @param {object} options
 * @param {Record<string, { apiKey: string, secret: string }>} options.factories  by factory id
 * @param {string} [options.merchantSecret]  also accept the merchant's order.status_changed hooks
 * @param {string} options.api  the order server, e.g. http://127.0.0.1:8787
 * @param {number} [options.port]  default 7001 (0 picks a free port)
 * @param {string} [options.host]  default 127.0.0.1
 * @param {string} [options.queueFile]  keep the queue in this JSON file (default: in memory)
 * @param {number} [options.acceptAfterMs]  production planning time before accepting (default 0)
 * @param {number} [options.shipAfterMs]  time from accepting to shipping (default 0)
 * @param {number} [options.maxAttempts]  API calls per step before giving up (default 8)
 * @param {number} [options.retryBaseMs]  first retry delay, doubled each time up to 60 s (default 1000)
 * @param {number} [options.toleranceSeconds]  webhook timestamp tolerance (default 300)
 * @param {string} [options.carrier]  default "顺丰速运 SF Express"
 * @param {{ info: Function, warn: Function, error: Function }} [options.logger]
 */
export async function startReceiver(options) {
  const factories = options.factories ?? {};
  const api = options.api.replace(/\/+$/, '');
  const logger = options.logger ?? jsonLogger();
  const queue = new Queue(options.queueFile);
  const acceptAfterMs = options.acceptAfterMs ?? 0;
  const shipAfterMs = options.shipAfterMs ?? 0;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const carrier = options.carrier ?? '顺丰速运 SF Express';
  const listeners = new Set();
  let timer = null;
  let working = false;
  let closed = false;

  /** Stores a job's new state; `onChange` listeners hear every change (tests wait on them). */
  const changed = (job) => {
    queue.update(job);
    for (const listener of listeners) listener(job);
  };

  async function callFactoryApi(job, action) {
    const factory = factories[job.factoryId];
    const body = action === 'ship' ? { carrier, trackingNumber: job.trackingNumber } : undefined;
    const response = await fetch(`${api}/v1/factory/orders/${encodeURIComponent(job.id)}/${action}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${factory.apiKey}`,
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    let error;
    if (!response.ok) error = (await response.json().catch(() => ({}))).error;
    else await response.arrayBuffer();
    return { status: response.status, error };
  }

  /** Runs one step of one job: accept, then ship; retries network errors, 429 and 5xx. */
  async function runStep(job) {
    const step = job.step;
    const attempt = job.attempts + 1;
    let outcome;
    try {
      outcome = await callFactoryApi(job, step);
    } catch (error) {
      outcome = { status: 0, error: { code: error?.name === 'TimeoutError' ? 'timeout' : 'network_error' } };
    }
    const log = { factoryId: job.factoryId, factoryOrderId: job.id, step, attempt, status: outcome.status };
    if (outcome.status >= 200 && outcome.status < 300) {
      logger.info(step === 'accept' ? 'accepted' : 'shipped', log);
      const next =
        step === 'accept'
          ? { step: 'ship', attempts: 0, nextAt: Date.now() + shipAfterMs }
          : { step: 'done', attempts: 0, nextAt: 0 };
      changed({ ...job, ...next });
      return;
    }
    // Already past this step (a retried webhook after a restart, or another worker).
    const current = outcome.error?.details?.status;
    if (outcome.status === 409 && step === 'accept' && (current === 'shipped' || current === 'rejected')) {
      logger.info('nothing to do', { ...log, current });
      changed({ ...job, step: 'done', attempts: 0 });
      return;
    }
    const retryable = outcome.status === 0 || outcome.status === 429 || outcome.status >= 500;
    if (retryable && attempt < maxAttempts) {
      const delay = Math.min(60_000, retryBaseMs * 2 ** (attempt - 1));
      logger.warn('will retry', { ...log, code: outcome.error?.code, inMs: delay });
      changed({ ...job, attempts: attempt, nextAt: Date.now() + delay });
      return;
    }
    logger.error('gave up', { ...log, code: outcome.error?.code });
    changed({
      ...job,
      step: 'failed',
      attempts: attempt,
      lastError: outcome.error?.code ?? String(outcome.status),
    });
  }

  async function work() {
    if (working || closed) return;
    working = true;
    try {
      for (const job of queue.due(Date.now())) {
        if (closed) break;
        await runStep(job);
      }
    } finally {
      working = false;
      schedule();
    }
  }

  /** Wakes the worker when the next job is due. */
  function schedule() {
    if (closed) return;
    clearTimeout(timer);
    const next = [...queue.jobs.values()]
      .filter((job) => job.step === 'accept' || job.step === 'ship')
      .reduce((soonest, job) => Math.min(soonest, job.nextAt), Infinity);
    if (next === Infinity) return;
    timer = setTimeout(() => void work(), Math.max(0, next - Date.now()));
    timer.unref?.();
  }

  async function readBody(request) {
    const chunks = [];
    let size = 0;
    for await (const chunk of request) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw Object.assign(new Error('body too large'), { status: 413 });
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(request, response) {
    const answer = (status, text = '') => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
    };
    const url = new URL(request.url ?? '/', 'http://receiver');
    const match = /^\/hooks\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (!match) return answer(404, 'not found');
    if (request.method !== 'POST') return answer(405, 'POST only');
    const destination = match[1];
    const secret = destination === 'merchant' ? options.merchantSecret : factories[destination]?.secret;
    if (!secret) return answer(404, 'unknown destination');

    let body;
    try {
      body = await readBody(request);
    } catch (error) {
      return answer(error.status ?? 400, 'unreadable body');
    }
    // The raw body exactly as received: the signature covers these bytes.
    const verdict = await verifyWebhook(secret, request.headers, body, {
      toleranceSeconds: options.toleranceSeconds ?? 300,
    });
    if (!verdict.ok) {
      logger.warn('rejected webhook', { destination, code: verdict.code });
      return answer(401, verdict.code);
    }

    let event;
    try {
      event = JSON.parse(body);
    } catch {
      logger.warn('rejected webhook', { destination, webhookId: verdict.id, code: 'invalid_json' });
      return answer(400, 'invalid JSON');
    }
    let job = null;
    if (event.type === 'factory_order.created' && destination !== 'merchant') {
      const factoryOrder = event.data?.factoryOrder;
      if (factoryOrder?.factoryId !== destination || typeof factoryOrder.id !== 'string') {
        logger.warn('rejected webhook', { destination, webhookId: verdict.id, code: 'wrong_factory' });
        return answer(422, 'not a sub-order of this factory');
      }
      job = {
        id: factoryOrder.id,
        factoryId: destination,
        orderId: event.data.order?.id,
        trackingNumber: trackingNumberFor(factoryOrder.id),
        step: 'accept',
        attempts: 0,
        nextAt: Date.now() + acceptAfterMs,
      };
    }
    if (!queue.take(verdict.id, job)) {
      logger.info('duplicate webhook', { destination, webhookId: verdict.id, type: event.type });
      return answer(200, 'duplicate');
    }
    logger.info('webhook received', {
      destination,
      webhookId: verdict.id,
      type: event.type,
      ...(job ? { factoryOrderId: job.id, orderId: job.orderId } : {}),
      ...(event.type === 'order.status_changed'
        ? { orderId: event.data?.order?.id, status: event.data?.order?.status }
        : {}),
    });
    // Answer at once; the work happens after (Chainkit wants a 2xx within 15 s).
    answer(204);
    if (job) schedule();
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      logger.error('handler failed', { err: error?.message });
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7001, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  // Jobs left from a previous run (queue file) resume now.
  schedule();

  return {
    url,
    port,
    /** The jobs by sub-order id (a copy). */
    jobs: () => Object.fromEntries([...queue.jobs].map(([id, job]) => [id, { ...job }])),
    /** Calls `listener(job)` after every job change; returns an unsubscribe function. */
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      server.closeIdleConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      api: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      queue: { type: 'string' },
      'accept-after': { type: 'string' },
      'ship-after': { type: 'string' },
    },
  });
  const configFile = values.config ?? process.env.CHAINKIT_RECEIVER_CONFIG ?? DEMO_STORE;
  const config = configFromStoreFile(configFile);
  const number = (value, fallback) => (value === undefined ? fallback : Number(value));
  const logger = jsonLogger();
  const receiver = await startReceiver({
    ...config,
    api: values.api ?? process.env.CHAINKIT_API ?? 'http://127.0.0.1:8787',
    port: number(values.port ?? process.env.RECEIVER_PORT, 7001),
    host: values.host ?? '127.0.0.1',
    queueFile: values.queue ?? process.env.CHAINKIT_RECEIVER_QUEUE,
    acceptAfterMs: number(values['accept-after'], 1500),
    shipAfterMs: number(values['ship-after'], 3000),
    logger,
  });
  logger.info('factory receiver listening', {
    url: `${receiver.url}/hooks/<factory-id>`,
    factories: Object.keys(config.factories),
  });
  const stop = () => {
    receiver.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error?.code === 'EADDRINUSE' ? `Port in use: ${error.message}` : error);
    process.exit(1);
  });
}
