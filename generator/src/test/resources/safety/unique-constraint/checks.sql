-- The constraint is deferrable, as declared, and backed by a valid index of its own name.
SELECT condeferrable FROM pg_constraint WHERE conname = 'uk_customer_email';
SELECT indisvalid FROM pg_index WHERE indexrelid = 'uk_customer_email'::regclass;
