-- expect: column-type-change
ALTER TABLE orders ALTER customer_id TYPE bigint;
