-- expect: nothing
CREATE TABLE items (id bigint PRIMARY KEY, code varchar(40));
ALTER TABLE items ALTER COLUMN code TYPE varchar(10);
