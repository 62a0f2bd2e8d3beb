-- expect: index-without-concurrently
CREATE INDEX orders_total ON ${schema}.orders (total);
