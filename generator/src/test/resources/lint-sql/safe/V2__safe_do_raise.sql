-- expect: nothing
DO $$ BEGIN RAISE NOTICE 'TRUNCATE orders would be bad'; END $$;
