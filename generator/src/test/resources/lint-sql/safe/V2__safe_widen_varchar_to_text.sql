-- expect: nothing
ALTER TABLE orders ALTER COLUMN code TYPE text;
