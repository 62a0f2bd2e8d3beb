-- expect: unreadable-sql
DO $$ BEGIN EXECUTE 'ALTER TABLE orders DROP COLUMN note'; END $$;
