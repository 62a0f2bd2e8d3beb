-- expect: not-null-without-default
ALTER TABLE orders ADD COLUMN b int DEFAULT NULL NOT NULL;
