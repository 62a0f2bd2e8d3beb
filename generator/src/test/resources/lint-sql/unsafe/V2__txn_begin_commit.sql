-- expect: transaction-control
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
