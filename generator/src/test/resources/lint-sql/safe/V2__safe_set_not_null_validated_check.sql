-- expect: nothing
ALTER TABLE orders ADD CONSTRAINT orders_code_nn CHECK (code IS NOT NULL) NOT VALID;
