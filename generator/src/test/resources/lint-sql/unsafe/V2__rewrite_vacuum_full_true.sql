-- expect: blocking-maintenance
VACUUM (FULL true) orders;
