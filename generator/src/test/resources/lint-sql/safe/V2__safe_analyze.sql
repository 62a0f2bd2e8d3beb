-- expect: nothing
ANALYZE orders;
