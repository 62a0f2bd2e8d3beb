-- expect: nothing
ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT statement_timestamp();
