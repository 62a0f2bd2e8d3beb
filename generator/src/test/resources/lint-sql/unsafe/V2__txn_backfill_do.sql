-- expect: whole-table-dml, mixed-schema-and-data
ALTER TABLE orders ADD COLUMN status text;
DO $body$
BEGIN
  UPDATE orders SET status = 'new';
END
$body$;
