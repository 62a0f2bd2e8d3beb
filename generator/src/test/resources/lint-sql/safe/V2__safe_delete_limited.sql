-- expect: nothing
DELETE FROM orders WHERE created_at < now() - interval '1 year' AND id IN (SELECT id FROM orders LIMIT 1000);
