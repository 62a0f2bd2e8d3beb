-- expect: constraint-without-not-valid
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupon;
