-- expect: nothing
ALTER TABLE orders VALIDATE CONSTRAINT orders_code_nn;
