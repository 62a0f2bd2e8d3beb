-- expect: mixed-schema-and-data
ALTER TABLE orders ADD COLUMN source text;
INSERT INTO orders (id, customer_id, total, source) VALUES (0, 0, 0, 'seed');
