-- expect: nothing
CREATE TABLE orders_2020 AS SELECT * FROM orders WHERE created_at < '2021-01-01';
