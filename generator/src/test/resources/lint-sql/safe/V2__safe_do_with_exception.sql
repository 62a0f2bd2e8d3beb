-- expect: nothing
DO $$
BEGIN
  INSERT INTO settings (k, v) VALUES ('a', 'b');
EXCEPTION WHEN unique_violation THEN
  NULL;
END
$$;
