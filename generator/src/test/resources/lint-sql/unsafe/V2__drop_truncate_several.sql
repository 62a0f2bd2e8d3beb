-- expect: truncate
TRUNCATE TABLE orders, customer;
