-- expect: constraint-without-not-valid
ALTER TABLE orders
  ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID,
  ADD CONSTRAINT ck CHECK (total > 0);
