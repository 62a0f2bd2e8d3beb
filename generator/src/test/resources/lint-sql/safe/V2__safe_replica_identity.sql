-- expect: nothing
ALTER TABLE orders REPLICA IDENTITY FULL;
