-- expect: nothing
CREATE FUNCTION reset_scratch() RETURNS void LANGUAGE sql AS $$ TRUNCATE scratch $$;
