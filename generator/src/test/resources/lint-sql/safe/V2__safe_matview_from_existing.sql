-- expect: nothing
CREATE MATERIALIZED VIEW IF NOT EXISTS order_stats AS SELECT customer_id, count(*) FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_stats_customer ON order_stats (customer_id);
