INSERT INTO customer (id, email, name, status, legacy_code, nickname)
SELECT i, 'c' || i || '@example.com', 'Customer ' || i, CASE WHEN i % 2 = 0 THEN 'NEW' ELSE 'ACTIVE' END, 'L' || i, NULL
FROM generate_series(1, 20000) AS i;
INSERT INTO orders (id, customer_id, referrer_id, total, created_at)
SELECT i, 1 + i % 20000, CASE WHEN i % 3 = 0 THEN 1 + (i * 7) % 20000 END, (i % 1000) + 0.99, timestamptz '2024-01-01' + i * interval '1 minute'
FROM generate_series(1, 20000) AS i;
INSERT INTO wishlist (id, customer_id, product)
SELECT i, 1 + i % 20000, 'product ' || i FROM generate_series(1, 20000) AS i;
