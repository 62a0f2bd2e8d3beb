-- expect: blocking-maintenance
REFRESH MATERIALIZED VIEW order_totals;
