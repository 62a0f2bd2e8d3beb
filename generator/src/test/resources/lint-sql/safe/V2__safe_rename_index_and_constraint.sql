-- expect: nothing
ALTER INDEX IF EXISTS orders_total_idx RENAME TO orders_total_index;
ALTER TABLE orders RENAME CONSTRAINT orders_ck TO orders_total_ck;
