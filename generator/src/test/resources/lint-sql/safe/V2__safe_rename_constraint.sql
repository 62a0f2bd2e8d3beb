-- expect: nothing
ALTER TABLE orders RENAME CONSTRAINT orders_ck TO orders_total_ck;
