-- expect: nothing
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total_idx ON orders (total);
