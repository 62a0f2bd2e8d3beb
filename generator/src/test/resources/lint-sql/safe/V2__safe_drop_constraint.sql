-- expect: nothing
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_ck;
