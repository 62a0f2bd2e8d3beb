-- expect: index-without-concurrently
\set ON_ERROR_STOP on
CREATE INDEX orders_total ON orders (total);
