-- expect: concurrently-in-atomic-migration, transaction-control
BEGIN;
CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);
COMMIT;
