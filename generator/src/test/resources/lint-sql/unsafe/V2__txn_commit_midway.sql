-- expect: transaction-control, concurrently-in-atomic-migration
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
CREATE INDEX CONCURRENTLY orders_note ON orders (note);
