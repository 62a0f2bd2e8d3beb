-- expect: not-null-without-default
ALTER TABLE orders ADD COLUMN priority int NOT NULL;
