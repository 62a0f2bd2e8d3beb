-- expect: whole-table-dml, mixed-schema-and-data
ALTER TABLE orders ADD COLUMN customer_email text;
UPDATE orders o SET customer_email = c.email FROM customer c WHERE c.id = o.customer_id;
