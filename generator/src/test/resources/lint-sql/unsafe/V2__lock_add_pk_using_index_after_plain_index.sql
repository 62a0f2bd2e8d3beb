-- expect: index-without-concurrently
CREATE UNIQUE INDEX orders_code_idx ON orders (code);
ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE USING INDEX orders_code_idx;
