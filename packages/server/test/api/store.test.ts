import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStoreFile } from '../../src/store/load-store-file.js';
import { parseStore, StoreFileError } from '../../src/store/store-file.js';
import { testStoreDocument } from '../helpers/test-store.js';

type Doc = Record<string, unknown> & {
  keys: { publishable: { key: string; allowedOrigins: string[] }[]; secret: string };
  factories: Record<string, unknown>[];
  offers: Record<string, unknown>[];
};

const doc = (): Doc => testStoreDocument() as Doc;

describe('parseStore', () => {
  it('accepts the test store and strips every secret from the catalog', () => {
    const result = parseStore(doc());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { store } = result;
    expect(store.keys.secret).toBe('sk_test_admin');
    expect(store.keys.publishable.map((k) => k.key)).toEqual(['pk_test_shop', 'pk_test_other']);
    expect(store.factories.map((f) => f.id)).toEqual(['f-yiwu', 'f-ningbo', 'f-dehua']);
    expect(store.factories[0]).toEqual({
      id: 'f-yiwu',
      apiKey: 'fk_test_yiwu',
      webhookUrl: 'https://yiwu.example/hooks',
      webhookSecret: expect.stringMatching(/^whsec_/),
    });
    expect(store.webhooks.merchant?.url).toBe('https://merchant.example/hooks');
    expect(store.timeZone).toBe('Asia/Shanghai');
    const catalogText = JSON.stringify(store.catalog);
    expect(catalogText).not.toMatch(/apiKey|webhook|whsec_|fk_|sk_|pk_|"keys"|timeZone/);
    expect(store.catalog.factories[0]).toEqual({
      id: 'f-yiwu',
      name: 'Yiwu Knitting Co.',
      region: 'CN-ZJ',
      dailyCapacity: 1000,
      leadTimeDays: 2,
    });
  });

  it('defaults the time zone and makes the merchant webhook optional', () => {
    const d = doc();
    delete d.timeZone;
    delete d.webhooks;
    const result = parseStore(d);
    expect(result.ok && result.store.timeZone).toBe('Asia/Shanghai');
    expect(result.ok && result.store.webhooks.merchant).toBeNull();
  });

  it('reports every problem at once, catalog and server fields together, each with its path', () => {
    const d = doc();
    d.keys.publishable[0]!.key = 'sk_wrong_prefix';
    d.keys.publishable[0]!.allowedOrigins = ['https://shop.example/', 'shop.example', 'ftp://x.example'];
    d.keys.secret = 'pk_not_secret';
    d.factories[0]!.apiKey = 'fk_test_ningbo'; // duplicate of factories[1]
    d.factories[1]!.webhookUrl = 'not a url';
    d.factories[2]!.webhookSecret = 'secret';
    d.factories[2]!.dailyCapacity = 0;
    d.timeZone = 'Mars/Olympus';
    d.webhooks = { merchant: { url: 'https://m.example', secret: 'whsec_' } };
    (d.offers[0] as { pricing: { tiers: unknown[] } }).pricing.tiers = [];
    const result = parseStore(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'keys.publishable[0].key',
        'keys.publishable[0].allowedOrigins[0]',
        'keys.publishable[0].allowedOrigins[1]',
        'keys.publishable[0].allowedOrigins[2]',
        'keys.secret',
        'factories[1].apiKey',
        'factories[1].webhookUrl',
        'factories[2].webhookSecret',
        'factories[2].dailyCapacity',
        'timeZone',
        'webhooks.merchant.secret',
        'offers[0].pricing.tiers',
      ]),
    );
    for (const problem of result.problems) expect(problem.message.startsWith(problem.path)).toBe(true);
    // Never echo a whole secret back.
    expect(JSON.stringify(result.problems)).not.toContain('pk_not_secret');
  });

  it('requires keys and at least one publishable key', () => {
    const d = doc();
    delete (d as Record<string, unknown>).keys;
    const missing = parseStore(d);
    expect(!missing.ok && missing.problems.map((p) => p.path)).toEqual(['keys']);
    const empty = doc();
    empty.keys.publishable = [];
    const none = parseStore(empty);
    expect(!none.ok && none.problems.map((p) => p.path)).toEqual(['keys.publishable']);
  });

  it('refuses a document that is not an object', () => {
    expect(parseStore([])).toEqual({
      ok: false,
      problems: [{ path: '', message: expect.stringContaining('must be a JSON object') }],
    });
  });
});

describe('loadStoreFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainkit-store-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a valid file', async () => {
    const file = join(dir, 'store.json');
    await writeFile(file, JSON.stringify(doc()));
    const store = await loadStoreFile(file);
    expect(store.catalog.offers).toHaveLength(doc().offers.length);
  });

  it('throws StoreFileError listing every problem', async () => {
    const file = join(dir, 'bad.json');
    const d = doc();
    d.keys.secret = 'nope';
    d.timeZone = 'Nowhere/Land';
    await writeFile(file, JSON.stringify(d));
    const error = await loadStoreFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFileError);
    const { message, problems } = error as StoreFileError;
    expect(problems.map((p) => p.path)).toEqual(['keys.secret', 'timeZone']);
    expect(message).toContain('2 problems');
    expect(message).toContain('keys.secret must be');
    expect(message).toContain('timeZone must be');
  });

  it('explains a file that is not JSON or cannot be read', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "currency": ');
    await expect(loadStoreFile(file)).rejects.toThrow(/not valid JSON/);
    await expect(loadStoreFile(join(dir, 'missing.json'))).rejects.toThrow(/cannot be read/);
  });
});
