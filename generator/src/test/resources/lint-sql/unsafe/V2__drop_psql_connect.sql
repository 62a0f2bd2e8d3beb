-- expect: drop-table
\connect shop
DROP TABLE orders;
