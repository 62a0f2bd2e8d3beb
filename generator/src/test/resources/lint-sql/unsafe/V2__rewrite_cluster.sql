-- expect: blocking-maintenance
CLUSTER orders USING orders_pkey;
