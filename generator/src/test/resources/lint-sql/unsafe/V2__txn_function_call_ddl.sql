-- expect: unreadable-sql
CREATE FUNCTION migrate_orders() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  ALTER TABLE orders DROP COLUMN note;
END
$fn$;
SELECT migrate_orders();
