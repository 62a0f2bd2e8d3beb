-- expect: nothing
SAVEPOINT a;
ALTER TABLE orders ADD COLUMN note text;
ROLLBACK TO SAVEPOINT a;
