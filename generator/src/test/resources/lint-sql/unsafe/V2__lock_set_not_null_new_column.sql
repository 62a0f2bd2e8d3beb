-- expect: set-not-null
ALTER TABLE orders ADD COLUMN a int;
ALTER TABLE orders ALTER COLUMN a SET NOT NULL;
