-- expect: blocking-maintenance
VACUUM FULL ANALYZE orders;
