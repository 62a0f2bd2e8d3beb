-- expect: nothing
-- ; DROP TABLE orders;
ALTER TABLE orders ADD COLUMN a int; /* ; TRUNCATE orders; */
