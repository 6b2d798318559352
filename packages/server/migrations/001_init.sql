-- Chainkit schema, version 1. Runs on PGlite and PostgreSQL alike.
-- Money columns are bigint minor units of the order's currency.

-- The imported catalog: every import is a new version; the newest is current.
create table catalog_versions (
  version bigserial primary key,
  doc json not null,                      -- json, not jsonb: keeps the merchant's key order (attribute axes, locales)
  digest text not null,                   -- SHA-256 of the canonical document, to skip no-op imports
  imported_at timestamptz not null default now()
);

-- One row per offer of the current catalog, for paging and search.
create table offers (
  id text primary key,
  position integer not null,              -- index in the catalog document; the paging cursor
  category text not null,
  search_text text not null,              -- every locale's title, NFKC + lower-cased, newline-separated
  doc json not null,                      -- the offer as in the catalog, key order kept
  catalog_version bigint not null references catalog_versions (version)
);
create unique index offers_position on offers (position);
create index offers_category_position on offers (category, position);

create table orders (
  id text primary key,                    -- ord_…
  status text not null,                   -- placed | partially_accepted | accepted | partially_shipped | shipped | rejected | …
  currency text not null,
  total bigint not null,
  access_token_hash text not null,        -- SHA-256 (hex) of the buyer's access token; the token itself lives only in the 24 h idempotency record (for identical replays)
  buyer jsonb not null,                   -- PII: never logged
  ship_to jsonb not null,                 -- PII: never logged
  note text,
  lines jsonb not null,                   -- the quoted lines as priced at placement
  catalog_version bigint not null,
  scope text not null,                    -- the publishable key the order came through
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index orders_created_at on orders (created_at desc, id desc);

create table factory_orders (
  id text primary key,                    -- fo_…
  order_id text not null references orders (id),
  seq integer not null,                   -- position within the order
  factory_id text not null,
  status text not null,                   -- placed | accepted | rejected | shipped
  lines jsonb not null,
  units bigint not null,                  -- sum of the lines' quantities, for queue lengths
  subtotal bigint not null,
  estimated_ship_date date not null,
  reason jsonb not null,                  -- routing's reason for the choice
  carrier text,
  tracking_number text,
  shipped_at timestamptz,
  reject_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (order_id, seq)
);
create index factory_orders_factory_created on factory_orders (factory_id, created_at desc, id desc);
create index factory_orders_factory_status on factory_orders (factory_id, status);

-- Idempotency records for POST /v1/orders, claimed inside the order's transaction.
-- Only successful placements are recorded (see src/orders/idempotency.ts).
create table idempotency_keys (
  scope text not null,                    -- the publishable key
  key text not null,                      -- the Idempotency-Key header
  fingerprint text not null,              -- SHA-256 of the canonical request body
  response_status integer not null,
  response_body text not null,            -- replayed byte for byte
  order_id text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (scope, key)
);
create index idempotency_keys_expires on idempotency_keys (expires_at);

-- Transactional outbox: written in the same transaction as the business rows,
-- delivered at least once by the dispatcher.
create table outbox (
  id text primary key,                    -- msg_…, also the webhook-id header
  destination text not null,              -- 'factory' or 'merchant'
  factory_id text,                        -- set when destination = 'factory'
  order_id text,                          -- the order the message is about
  event_type text not null,               -- factory_order.created, order.status_changed, …
  payload text not null,                  -- the exact JSON body, signed as-is on every attempt
  status text not null default 'pending', -- pending | delivered | dead
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  last_status integer,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
create index outbox_due on outbox (status, next_attempt_at);
create index outbox_dead on outbox (status, created_at) where status = 'dead';
