-- expect: rename-column
ALTER TABLE orders RENAME note TO remark;
