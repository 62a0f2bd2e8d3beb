-- expect: nothing
DROP VIEW IF EXISTS order_totals;
CREATE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
