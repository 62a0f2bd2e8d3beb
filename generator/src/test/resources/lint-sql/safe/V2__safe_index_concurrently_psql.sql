-- expect: nothing
\set ON_ERROR_STOP on
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total_idx ON orders (total);
