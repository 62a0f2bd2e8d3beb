-- expect: nothing
\set ON_ERROR_STOP on
\timing on
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN a int;
\echo done
