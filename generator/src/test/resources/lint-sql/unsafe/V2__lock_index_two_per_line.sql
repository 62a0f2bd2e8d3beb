-- expect: index-without-concurrently
CREATE INDEX a_idx ON orders (a); CREATE INDEX b_idx ON customer (b);
