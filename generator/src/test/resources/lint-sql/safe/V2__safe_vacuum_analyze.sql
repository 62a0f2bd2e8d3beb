-- expect: nothing
VACUUM ANALYZE orders;
