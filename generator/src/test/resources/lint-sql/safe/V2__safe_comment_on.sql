-- expect: nothing
COMMENT ON COLUMN orders.note IS 'DROP COLUMN note later; TRUNCATE never';
