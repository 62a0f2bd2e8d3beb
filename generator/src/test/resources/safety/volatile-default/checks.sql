-- Every row backfilled with its own value, and the column NOT NULL in the end.
SELECT count(DISTINCT token) = 20000 FROM customer;
SELECT attnotnull FROM pg_attribute WHERE attrelid = 'customer'::regclass AND attname = 'token';
