import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from '../src/base64.js';
import {
  generateWebhookSecret,
  newMessageId,
  signWebhook,
  verifyWebhook,
  verifyWebhookOrThrow,
  webhookHeaders,
  WebhookVerificationError,
  type HeadersLike,
} from '../src/webhooks.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);

// The Standard Webhooks spec's test vector.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const MSG_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const NOW = new Date(TIMESTAMP * 1000);

function headers(over: Record<string, string> = {}): Record<string, string> {
  return {
    'webhook-id': MSG_ID,
    'webhook-timestamp': String(TIMESTAMP),
    'webhook-signature': SIGNATURE,
    ...over,
  };
}

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 vector %j ↔ %j', (plain, encoded) => {
    const bytes = new TextEncoder().encode(plain);
    expect(encodeBase64(bytes)).toBe(encoded);
    expect(decodeBase64(encoded)).toEqual(bytes);
  });

  it('round-trips and agrees with Buffer on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(encoded)).toEqual(bytes);
        expect(decodeBase64(encoded.replace(/=+$/, ''))).toEqual(bytes);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it.each(['Zg=', 'Z', 'Zm9v!', 'Zm 9v', 'Zh==', 'Zm9=', '-_-_', 'Zg===', '=Zg='])('rejects %j', (bad) => {
    expect(decodeBase64(bad)).toBeNull();
  });
});

describe('signWebhook', () => {
  it('matches the Standard Webhooks test vector', async () => {
    expect(await signWebhook(SECRET, { id: MSG_ID, timestamp: TIMESTAMP, body: BODY })).toBe(SIGNATURE);
    expect(
      await signWebhook(SECRET, { id: MSG_ID, timestamp: TIMESTAMP, body: new TextEncoder().encode(BODY) }),
    ).toBe(SIGNATURE);
  });

  it('agrees with node:crypto HMAC-SHA256 for random secrets, ids and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.stringMatching(/^msg_[A-Za-z0-9]{1,30}$/),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        async (key, id, timestamp, body) => {
          const secret = `whsec_${Buffer.from(key).toString('base64')}`;
          const expected = createHmac('sha256', key)
            .update(`${id}.${timestamp}.${body}`, 'utf8')
            .digest('base64');
          expect(await signWebhook(secret, { id, timestamp, body })).toBe(`v1,${expected}`);
        },
      ),
      { numRuns: Math.min(NUM_RUNS, 300) },
    );
  });

  it.each([
    ['no prefix', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['not base64', 'whsec_not*base64'],
    ['empty key', 'whsec_'],
  ])('rejects a secret with %s', async (_name, secret) => {
    await expect(signWebhook(secret, { id: MSG_ID, timestamp: TIMESTAMP, body: BODY })).rejects.toThrow(
      TypeError,
    );
  });

  it('rejects a bad id or timestamp', async () => {
    await expect(signWebhook(SECRET, { id: '', timestamp: TIMESTAMP, body: BODY })).rejects.toThrow(
      TypeError,
    );
    await expect(signWebhook(SECRET, { id: 'a b', timestamp: TIMESTAMP, body: BODY })).rejects.toThrow(
      TypeError,
    );
    await expect(signWebhook(SECRET, { id: MSG_ID, timestamp: 1.5, body: BODY })).rejects.toThrow(RangeError);
    await expect(signWebhook(SECRET, { id: MSG_ID, timestamp: -1, body: BODY })).rejects.toThrow(RangeError);
  });
});

describe('webhookHeaders', () => {
  it('builds the three headers', async () => {
    expect(await webhookHeaders(SECRET, MSG_ID, TIMESTAMP, BODY)).toEqual({
      'webhook-id': MSG_ID,
      'webhook-timestamp': '1614265330',
      'webhook-signature': SIGNATURE,
    });
  });

  it('signs with every secret during a rotation, and both old and new receivers accept', async () => {
    const next = generateWebhookSecret();
    const h = await webhookHeaders([SECRET, next], MSG_ID, TIMESTAMP, BODY);
    const sigs = h['webhook-signature'].split(' ');
    expect(sigs).toHaveLength(2);
    expect(sigs[0]).toBe(SIGNATURE);
    expect(await verifyWebhook(SECRET, h, BODY, { now: NOW })).toMatchObject({ ok: true });
    expect(await verifyWebhook(next, h, BODY, { now: NOW })).toMatchObject({ ok: true });
    await expect(webhookHeaders([], MSG_ID, TIMESTAMP, BODY)).rejects.toThrow(TypeError);
  });
});

describe('verifyWebhook', () => {
  it('accepts the spec test vector', async () => {
    expect(await verifyWebhook(SECRET, headers(), BODY, { now: NOW })).toEqual({
      ok: true,
      id: MSG_ID,
      timestamp: TIMESTAMP,
    });
  });

  it('accepts a Headers object and plain objects in any case', async () => {
    expect(await verifyWebhook(SECRET, new Headers(headers()), BODY, { now: NOW })).toMatchObject({
      ok: true,
    });
    const upper: HeadersLike = {
      'Webhook-Id': MSG_ID,
      'WEBHOOK-TIMESTAMP': String(TIMESTAMP),
      'Webhook-Signature': SIGNATURE,
    };
    expect(await verifyWebhook(SECRET, upper, BODY, { now: NOW })).toMatchObject({ ok: true });
    expect(
      await verifyWebhook(SECRET, { ...headers(), 'webhook-signature': [SIGNATURE] }, BODY, { now: NOW }),
    ).toMatchObject({ ok: true });
  });

  it('accepts raw body bytes', async () => {
    expect(
      await verifyWebhook(SECRET, headers(), new TextEncoder().encode(BODY), { now: NOW }),
    ).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['one of several', `v1,Ym9ndXM= ${SIGNATURE}`],
    ['listed after a signature of another version', `v1a,abc ${SIGNATURE}`],
    ['last of three', `v1,AAAA v1,${'A'.repeat(43)}= ${SIGNATURE}`],
    ['joined by a proxy with ", "', `v1,Ym9ndXM=, ${SIGNATURE}`],
  ])('accepts a matching signature that is %s', async (_name, signature) => {
    expect(
      await verifyWebhook(SECRET, headers({ 'webhook-signature': signature }), BODY, { now: NOW }),
    ).toMatchObject({ ok: true });
  });

  it('rejects a changed byte anywhere in the body', async () => {
    for (let i = 0; i < BODY.length; i += 1) {
      const changed = BODY.slice(0, i) + String.fromCharCode(BODY.charCodeAt(i) ^ 1) + BODY.slice(i + 1);
      expect(await verifyWebhook(SECRET, headers(), changed, { now: NOW })).toMatchObject({
        ok: false,
        code: 'invalid_signature',
      });
    }
  });

  it.each([
    ['a changed id', headers({ 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJeK' })],
    ['a changed timestamp', headers({ 'webhook-timestamp': String(TIMESTAMP + 1) })],
    ['a changed signature', headers({ 'webhook-signature': SIGNATURE.replace('g0h', 'g0i') })],
    ['a truncated signature', headers({ 'webhook-signature': SIGNATURE.slice(0, -4) })],
    ['another version prefix', headers({ 'webhook-signature': SIGNATURE.replace('v1,', 'v2,') })],
    ['a signature without a version', headers({ 'webhook-signature': SIGNATURE.slice(3) })],
    ['garbage', headers({ 'webhook-signature': 'v1,*** v1, ,,,' })],
  ])('rejects %s', async (_name, h) => {
    expect(await verifyWebhook(SECRET, h, BODY, { now: NOW })).toMatchObject({
      ok: false,
      code: 'invalid_signature',
    });
  });

  it('rejects a wrong secret', async () => {
    expect(await verifyWebhook(generateWebhookSecret(), headers(), BODY, { now: NOW })).toMatchObject({
      ok: false,
      code: 'invalid_signature',
    });
    expect(
      await verifyWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx', headers(), BODY, { now: NOW }),
    ).toMatchObject({ ok: false });
  });

  it.each(['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_', 'whsec_###', 'fk_live_123'])(
    'reports an unusable secret %j as invalid_secret',
    async (secret) => {
      expect(await verifyWebhook(secret, headers(), BODY, { now: NOW })).toMatchObject({
        ok: false,
        code: 'invalid_secret',
      });
    },
  );

  it.each([
    [-301, { ok: false, code: 'timestamp_too_new' }],
    [-300, { ok: true }],
    [0, { ok: true }],
    [300, { ok: true }],
    [301, { ok: false, code: 'timestamp_too_old' }],
  ])('clock %i s after the timestamp → %o', async (offset, expected) => {
    const now = new Date((TIMESTAMP + offset) * 1000);
    expect(await verifyWebhook(SECRET, headers(), BODY, { now })).toMatchObject(expected);
  });

  it('honours a custom tolerance and rejects a bad one', async () => {
    const now = new Date((TIMESTAMP + 60) * 1000);
    expect(await verifyWebhook(SECRET, headers(), BODY, { now, toleranceSeconds: 59 })).toMatchObject({
      ok: false,
      code: 'timestamp_too_old',
    });
    expect(await verifyWebhook(SECRET, headers(), BODY, { now, toleranceSeconds: 60 })).toMatchObject({
      ok: true,
    });
    await expect(verifyWebhook(SECRET, headers(), BODY, { now, toleranceSeconds: -1 })).rejects.toThrow(
      RangeError,
    );
  });

  it('uses the real clock by default', async () => {
    expect(await verifyWebhook(SECRET, headers(), BODY)).toMatchObject({
      ok: false,
      code: 'timestamp_too_old',
    });
    const ts = Math.floor(Date.now() / 1000);
    const h = await webhookHeaders(SECRET, MSG_ID, ts, BODY);
    expect(await verifyWebhook(SECRET, h, BODY)).toMatchObject({ ok: true });
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('rejects a missing %s', async (name) => {
    const h: Record<string, string> = headers();
    delete h[name];
    const result = await verifyWebhook(SECRET, h, BODY, { now: NOW });
    expect(result).toMatchObject({ ok: false, code: 'missing_header' });
    expect(result.ok ? '' : result.message).toContain(name);
    expect(await verifyWebhook(SECRET, headers({ [name]: '  ' }), BODY, { now: NOW })).toMatchObject({
      ok: false,
      code: 'missing_header',
    });
  });

  it.each(['1614265330.0', '-1614265330', '1e9', 'abc', '0x60363bf2', '1234567890123456'])(
    'rejects a malformed timestamp %j',
    async (ts) => {
      expect(
        await verifyWebhook(SECRET, headers({ 'webhook-timestamp': ts }), BODY, { now: NOW }),
      ).toMatchObject({
        ok: false,
        code: 'invalid_timestamp',
      });
    },
  );

  it('round-trips random messages and rejects any single flipped body byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (body, at, bit) => {
          const secret = generateWebhookSecret();
          const id = newMessageId();
          const h = await webhookHeaders(secret, id, TIMESTAMP, body);
          expect(await verifyWebhook(secret, h, body, { now: NOW })).toEqual({
            ok: true,
            id,
            timestamp: TIMESTAMP,
          });
          const changed = body.slice();
          const i = at % changed.length;
          changed[i] = (changed[i] ?? 0) ^ (1 << bit);
          expect(await verifyWebhook(secret, h, changed, { now: NOW })).toMatchObject({
            ok: false,
            code: 'invalid_signature',
          });
        },
      ),
      { numRuns: Math.min(NUM_RUNS, 300) },
    );
  });
});

describe('verifyWebhookOrThrow', () => {
  it('returns the id and timestamp of a good message', async () => {
    expect(await verifyWebhookOrThrow(SECRET, headers(), BODY, { now: NOW })).toEqual({
      id: MSG_ID,
      timestamp: TIMESTAMP,
    });
  });

  it('throws a WebhookVerificationError with the code', async () => {
    const error = await verifyWebhookOrThrow(SECRET, headers(), `${BODY} `, { now: NOW }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ code: 'invalid_signature', name: 'WebhookVerificationError' });
  });
});

describe('generateWebhookSecret and newMessageId', () => {
  it('makes whsec_ secrets of 24 random bytes', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => generateWebhookSecret()));
    expect(secrets.size).toBe(50);
    for (const s of secrets) {
      expect(s).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(decodeBase64(s.slice('whsec_'.length))).toHaveLength(24);
    }
  });

  it('makes msg_ ids of 24 base62 characters', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newMessageId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^msg_[0-9A-Za-z]{24}$/);
    // Every base62 character shows up across 24 000 draws (each is ~1/62 likely).
    const chars = new Set([...ids].flatMap((id) => [...id.slice(4)]));
    expect(chars.size).toBe(62);
  });
});
