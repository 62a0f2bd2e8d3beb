SELECT format_type(atttypid, atttypmod) = 'character varying(200)' FROM pg_attribute WHERE attrelid = 'customer'::regclass AND attname = 'email';
