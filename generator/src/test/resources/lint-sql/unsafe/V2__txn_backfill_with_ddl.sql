-- expect: whole-table-dml, mixed-schema-and-data
ALTER TABLE orders ADD COLUMN status text;
UPDATE orders SET status = 'new';
