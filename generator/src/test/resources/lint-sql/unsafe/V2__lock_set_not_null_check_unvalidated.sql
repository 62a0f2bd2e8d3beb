-- expect: set-not-null
ALTER TABLE orders ADD CONSTRAINT orders_code_nn CHECK (code IS NOT NULL) NOT VALID;
ALTER TABLE orders ALTER COLUMN code SET NOT NULL;
