-- expect: column-type-change
ALTER TABLE orders ALTER COLUMN total TYPE bigint;
