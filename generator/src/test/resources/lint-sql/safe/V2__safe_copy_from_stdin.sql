-- expect: nothing
CREATE TABLE country (code text PRIMARY KEY, name text);
COPY country (code, name) FROM stdin;
DE	DROP TABLE orders; Germany
FR	France
\.
ALTER TABLE country ADD COLUMN note text;
