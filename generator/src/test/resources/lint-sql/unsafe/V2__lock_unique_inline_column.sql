-- expect: unique-constraint-without-index
ALTER TABLE orders ADD COLUMN code2 text UNIQUE;
