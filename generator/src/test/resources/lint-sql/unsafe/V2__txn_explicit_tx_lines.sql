-- expect: whole-table-dml, mixed-schema-and-data, index-without-concurrently
-- the ALTER and the backfill in one written-out transaction, the index after it on its own
BEGIN;

ALTER TABLE orders ADD COLUMN status text;
/* every row */
UPDATE orders
   SET status = 'new';
COMMIT;
CREATE INDEX orders_status ON orders (status);
