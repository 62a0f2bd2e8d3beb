-- expect: index-without-concurrently
SET lock_timeout = '2s';
CREATE INDEX orders_total ON orders (total);
