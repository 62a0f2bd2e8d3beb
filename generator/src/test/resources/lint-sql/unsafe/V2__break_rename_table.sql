-- expect: rename-table
ALTER TABLE orders RENAME TO purchase_orders;
