-- expect: concurrently-in-atomic-migration
CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);
ALTER TABLE orders ADD COLUMN note text;
