-- expect: index-without-concurrently
CREATE INDEX ON orders (customer_id) WHERE total > 0;
