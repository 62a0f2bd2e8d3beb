-- expect: blocking-maintenance
VACUUM FULL orders;
