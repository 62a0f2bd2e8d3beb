-- expect: unique-constraint-without-index
ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);
