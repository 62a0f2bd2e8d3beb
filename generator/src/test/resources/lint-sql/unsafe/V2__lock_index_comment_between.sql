-- expect: index-without-concurrently
CREATE /* not concurrently */ INDEX orders_x
  -- on the table
  ON orders
  (x);
