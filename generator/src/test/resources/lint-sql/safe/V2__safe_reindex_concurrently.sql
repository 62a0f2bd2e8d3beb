-- expect: nothing
REINDEX INDEX CONCURRENTLY orders_total_idx;
