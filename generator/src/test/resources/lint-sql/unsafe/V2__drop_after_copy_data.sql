-- expect: drop-table, mixed-schema-and-data
COPY country (code, name) FROM STDIN;
DE	Germany
\.
DROP TABLE orders;
