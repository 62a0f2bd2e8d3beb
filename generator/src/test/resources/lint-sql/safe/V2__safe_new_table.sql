-- expect: nothing
CREATE TABLE IF NOT EXISTS "audit"."events" (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT events_payload_ck CHECK (payload <> 'null')
);
CREATE INDEX events_order_idx ON audit.events (order_id);
ALTER TABLE audit.events ADD COLUMN n int NOT NULL;
