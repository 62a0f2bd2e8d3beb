-- expect: constraint-without-not-valid
ALTER TABLE wishlist ADD CONSTRAINT wishlist_orders_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
