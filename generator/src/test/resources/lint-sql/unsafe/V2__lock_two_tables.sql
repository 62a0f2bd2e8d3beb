-- expect: second-table-lock
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE customer ADD COLUMN note text;
