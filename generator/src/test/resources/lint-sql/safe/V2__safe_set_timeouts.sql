-- expect: nothing
SET lock_timeout = '2s';
SET statement_timeout = 0;
ALTER TABLE orders ADD COLUMN note text;
