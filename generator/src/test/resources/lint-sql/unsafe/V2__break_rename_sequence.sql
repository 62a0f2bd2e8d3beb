-- expect: rename-table
ALTER SEQUENCE orders_id_seq RENAME TO order_ids;
