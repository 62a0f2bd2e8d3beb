-- expect: truncate, unreadable-sql
DO $$
BEGIN
  TRUNCATE orders;
END
$$;
