-- expect: nothing
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total_idx ON orders (total);
