-- expect: nothing
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
