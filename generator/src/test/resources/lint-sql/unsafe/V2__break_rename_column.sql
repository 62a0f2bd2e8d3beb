-- expect: rename-column
ALTER TABLE orders RENAME COLUMN note TO remark;
