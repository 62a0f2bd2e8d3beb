-- expect: blocking-maintenance
REINDEX TABLE orders;
