-- change: NOT NULL column with a volatile default (public_id uuid DEFAULT gen_random_uuid())
-- naive: one ADD COLUMN, which rewrites the table under ACCESS EXCLUSIVE
ALTER TABLE ticket ADD COLUMN public_id uuid DEFAULT gen_random_uuid() NOT NULL;
