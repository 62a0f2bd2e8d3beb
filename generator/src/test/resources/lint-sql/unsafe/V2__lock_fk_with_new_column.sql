-- expect: constraint-without-not-valid
ALTER TABLE orders
  ADD COLUMN coupon_id bigint,
  ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupon (id);
