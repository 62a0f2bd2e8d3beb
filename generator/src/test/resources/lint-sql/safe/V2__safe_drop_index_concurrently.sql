-- expect: nothing
DROP INDEX CONCURRENTLY IF EXISTS orders_total_idx;
