SELECT attnotnull FROM pg_attribute WHERE attrelid = 'customer'::regclass AND attname = 'name';
SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'customer_name_not_null');
