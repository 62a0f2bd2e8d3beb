-- expect: not-null-without-default
ALTER TABLE orders ADD COLUMN a text, ADD COLUMN b int NOT NULL;
