-- expect: drop-table
DROP TABLE orders;
