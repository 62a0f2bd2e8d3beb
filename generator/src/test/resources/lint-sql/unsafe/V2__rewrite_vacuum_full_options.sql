-- expect: blocking-maintenance
VACUUM (FULL, ANALYZE, VERBOSE) public.orders;
