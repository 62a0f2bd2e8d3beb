-- expect: transaction-control
ALTER TABLE orders ADD COLUMN note text;
ROLLBACK;
