-- expect: nothing
COMMENT ON TABLE orders IS E'it\'s; DROP TABLE orders; ok';
