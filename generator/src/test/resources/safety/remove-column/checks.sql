-- The column stays, with its data; the code deployed after the migration no longer writes it.
SELECT count(*) = 20000 FROM customer WHERE legacy_code IS NOT NULL;
INSERT INTO customer (id, email) VALUES (30001, 'new@example.com');
SELECT legacy_code IS NULL FROM customer WHERE id = 30001;
DELETE FROM customer WHERE id = 30001;
