-- expect: nothing
SET search_path TO shop, public;
ALTER TABLE orders ADD COLUMN note2 text;
