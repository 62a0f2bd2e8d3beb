-- expect: nothing
BEGIN;
ALTER TABLE orders ADD COLUMN a int;
COMMIT;
CREATE INDEX CONCURRENTLY orders_a ON orders (a);
