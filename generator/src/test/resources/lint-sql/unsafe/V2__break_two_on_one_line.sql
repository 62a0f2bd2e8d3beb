-- expect: drop-column, rename-column
ALTER TABLE orders DROP COLUMN a; ALTER TABLE orders RENAME b TO c;
