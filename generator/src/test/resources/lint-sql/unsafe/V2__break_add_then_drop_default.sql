-- expect: add-then-drop-default
ALTER TABLE orders ADD COLUMN b int NOT NULL DEFAULT 0;
ALTER TABLE orders ALTER COLUMN b DROP DEFAULT;
