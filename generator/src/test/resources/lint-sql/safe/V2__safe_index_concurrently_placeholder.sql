-- expect: nothing
CREATE INDEX CONCURRENTLY orders_total ON ${schema}.orders (total);
