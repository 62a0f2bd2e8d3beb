-- expect: nothing
CREATE INDEX orders_created_idx ON ONLY orders (created_at);
