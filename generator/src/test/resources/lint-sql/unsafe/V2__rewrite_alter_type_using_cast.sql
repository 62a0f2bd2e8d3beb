-- expect: column-type-change
ALTER TABLE orders ALTER COLUMN status TYPE order_state USING status::order_state;
