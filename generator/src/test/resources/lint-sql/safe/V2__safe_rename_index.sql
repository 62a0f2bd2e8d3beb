-- expect: nothing
ALTER INDEX orders_total_idx RENAME TO orders_total_index;
