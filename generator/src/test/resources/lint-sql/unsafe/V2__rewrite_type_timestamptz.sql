-- expect: column-type-change
ALTER TABLE orders ALTER COLUMN created_at TYPE timestamptz;
