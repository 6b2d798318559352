/**
 * Idempotency for `POST /v1/orders`, per reliability.md and the IETF "Idempotency-Key" draft.
 *
 * - The `Idempotency-Key` header is required: 1–255 printable ASCII characters
 *   (0x20–0x7E, not only spaces). Missing, empty, longer or with other characters → 400
 *   `idempotency_key_invalid`, nothing stored.
 * - Scope: the publishable key the request came with, so two stores (keys) never collide.
 * - Fingerprint: SHA-256 of the canonical JSON of the request body (keys sorted, no
 *   whitespace), so a retry that re-serializes the same body in another key order matches.
 * - Claimed inside the order's transaction: `pg_try_advisory_xact_lock(scope, key)` first.
 *   When another transaction holds it the first request is still running → 409
 *   `idempotency_key_in_flight`. On PGlite transactions run one at a time, so the lock is
 *   always free and a second request finds the first one's committed record.
 * - Record found, same fingerprint → the stored status and body, byte for byte (plus an
 *   `Idempotency-Replayed: true` header). Different fingerprint → 422 `idempotency_key_reused`.
 * - What is recorded: only a successful placement (201). Every failure (400 schema,
 *   409 `price_changed`, 422 `quote_violations`/`unroutable`, 409 in flight) commits
 *   nothing at all — "nothing stored" — so a retry with the same key is evaluated again
 *   against the current catalog, and the client may correct the body (e.g. accept the new
 *   price) and retry under the same key. Replaying a stale 409 would only repeat a
 *   price that may no longer hold, and storing it would be a write on a failure.
 * - Records are kept 24 hours (`expires_at`); an expired key is treated as new and its
 *   record replaced. `purgeExpiredIdempotencyKeys` deletes old ones (run it periodically).
 */
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { canonicalJson } from '../util/canonical-json.js';
import { sha256Hex } from '../util/crypto.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

const PRINTABLE = /^[\x20-\x7e]+$/;

/** The header's value, checked; throws 400 `idempotency_key_invalid`. */
export function checkIdempotencyKey(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') {
    throw new ApiError(
      'idempotency_key_invalid',
      `Send an ${IDEMPOTENCY_KEY_HEADER} header, unique per checkout attempt`,
    );
  }
  if (raw.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ApiError(
      'idempotency_key_invalid',
      `The ${IDEMPOTENCY_KEY_HEADER} header must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
    );
  }
  if (!PRINTABLE.test(raw)) {
    throw new ApiError(
      'idempotency_key_invalid',
      `The ${IDEMPOTENCY_KEY_HEADER} header must contain printable ASCII characters only`,
    );
  }
  return raw;
}

/** SHA-256 (hex) of the canonical JSON of the parsed request body. */
export function fingerprintOf(body: unknown): Promise<string> {
  return sha256Hex(canonicalJson(body));
}

/** Takes the key's transaction-scoped lock; false when another transaction holds it. */
export async function tryLockKey(tx: Queryable, scope: string, key: string): Promise<boolean> {
  const { rows } = await tx.query<{ locked: boolean }>(
    `select pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) as locked`,
    [`chainkit.idempotency:${scope}`, key],
  );
  return rows[0]?.locked === true;
}

export interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: string;
}

/** The live (unexpired) record for the key, if any. */
export async function findStoredResponse(
  tx: Queryable,
  scope: string,
  key: string,
  now: Date,
): Promise<StoredResponse | null> {
  const { rows } = await tx.query<{ fingerprint: string; response_status: number; response_body: string }>(
    `select fingerprint, response_status, response_body
       from idempotency_keys
      where scope = $1 and key = $2 and expires_at > $3`,
    [scope, key, now],
  );
  const row = rows[0];
  return row ? { fingerprint: row.fingerprint, status: row.response_status, body: row.response_body } : null;
}

/** Records the response for the key (replacing an expired record). */
export async function storeResponse(
  tx: Queryable,
  record: {
    readonly scope: string;
    readonly key: string;
    readonly fingerprint: string;
    readonly status: number;
    readonly body: string;
    readonly orderId: string | null;
    readonly now: Date;
  },
): Promise<void> {
  await tx.query(
    `insert into idempotency_keys (scope, key, fingerprint, response_status, response_body, order_id, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (scope, key) do update
        set fingerprint = excluded.fingerprint, response_status = excluded.response_status,
            response_body = excluded.response_body, order_id = excluded.order_id,
            created_at = excluded.created_at, expires_at = excluded.expires_at
      where idempotency_keys.expires_at <= excluded.created_at`,
    [
      record.scope,
      record.key,
      record.fingerprint,
      record.status,
      record.body,
      record.orderId,
      record.now,
      new Date(record.now.getTime() + IDEMPOTENCY_TTL_MS),
    ],
  );
}

/** Deletes records that expired before `now`; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Queryable, now: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `with gone as (delete from idempotency_keys where expires_at <= $1 returning 1) select count(*)::int as n from gone`,
    [now],
  );
  return rows[0]?.n ?? 0;
}
