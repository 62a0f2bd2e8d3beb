-- expect: nothing
REINDEX (CONCURRENTLY) INDEX orders_total_idx;
