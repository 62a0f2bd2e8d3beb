-- expect: nothing
CREATE INDEX CONCURRENTLY a_idx ON orders (a);
CREATE UNIQUE INDEX CONCURRENTLY b_idx ON orders (b);
