import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { importCatalog } from '../../src/catalog/import-catalog.js';
import { parseStore, type StoreConfig } from '../../src/store/store-file.js';
import { backends, useTestDb } from '../helpers/test-db.js';

const PK = 'pk_test_factories';
const SK = 'sk_test_factories';
const ORIGIN = 'https://shop.example';

function testStore(): StoreConfig {
  const parsed = parseStore({
    currency: 'CNY',
    keys: { publishable: [{ key: PK, allowedOrigins: [ORIGIN] }], secret: SK },
    factories: [
      {
        id: 'f-yiwu',
        name: '义乌针织厂',
        region: 'CN-ZJ',
        dailyCapacity: 500,
        leadTimeDays: 2,
        apiKey: 'fk_test_yiwu',
        webhookUrl: 'https://yiwu.example/hooks',
        webhookSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      },
      {
        id: 'f-ningbo',
        name: 'Ningbo Garments',
        region: 'CN-ZJ',
        dailyCapacity: 1200,
        leadTimeDays: 4,
        apiKey: 'fk_test_ningbo',
        webhookUrl: 'https://ningbo.example/hooks',
        webhookSecret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
      },
    ],
    offers: [
      {
        id: 'hat',
        title: { en: 'Knit hat', 'zh-CN': '针织帽' },
        category: 'accessories',
        unit: 'piece',
        pricing: { scope: 'offer', tiers: [{ minQuantity: 1, unitPrice: 1200 }] },
        rules: { moq: 1, step: 1 },
        skus: [{ id: 'hat-red', attributes: { color: 'red' } }],
        sourcing: [{ factoryId: 'f-yiwu', priority: 1 }],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.store;
}

describe.each(backends)('GET /v1/factories on $name', (backend) => {
  const t = useTestDb(backend);

  async function app(withCatalog = true) {
    const store = testStore();
    if (withCatalog) await importCatalog(t.db, store.catalog);
    return createApp({ db: t.db, store, rateLimit: false });
  }

  it('lists every factory with its public facts only, in catalog order', async () => {
    const res = await (await app()).request('/v1/factories', { headers: { Authorization: `Bearer ${PK}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: unknown[] };
    expect(body).toEqual({
      data: [
        { id: 'f-yiwu', name: '义乌针织厂', region: 'CN-ZJ', dailyCapacity: 500, leadTimeDays: 2 },
        { id: 'f-ningbo', name: 'Ningbo Garments', region: 'CN-ZJ', dailyCapacity: 1200, leadTimeDays: 4 },
      ],
    });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/fk_|whsec_|hooks/);
  });

  it('answers an allowed browser origin with CORS headers', async () => {
    const res = await (
      await app()
    ).request('/v1/factories', {
      headers: { Authorization: `Bearer ${PK}`, Origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('accepts the secret key from a server', async () => {
    const res = await (await app()).request('/v1/factories', { headers: { Authorization: `Bearer ${SK}` } });
    expect(res.status).toBe(200);
  });

  it('needs a key', async () => {
    const res = await (await app()).request('/v1/factories');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('refuses a factory key', async () => {
    const res = await (
      await app()
    ).request('/v1/factories', {
      headers: { Authorization: 'Bearer fk_test_yiwu' },
    });
    expect(res.status).toBe(401);
  });

  it('is 503 catalog_unavailable before any catalog was imported', async () => {
    const res = await (
      await app(false)
    ).request('/v1/factories', { headers: { Authorization: `Bearer ${PK}` } });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('catalog_unavailable');
  });
});
