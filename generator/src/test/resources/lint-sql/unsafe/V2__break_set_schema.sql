-- expect: rename-table
ALTER TABLE orders SET SCHEMA archive;
