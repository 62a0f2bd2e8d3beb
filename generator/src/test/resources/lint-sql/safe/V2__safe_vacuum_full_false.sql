-- expect: nothing
VACUUM (FULL false, ANALYZE) orders;
