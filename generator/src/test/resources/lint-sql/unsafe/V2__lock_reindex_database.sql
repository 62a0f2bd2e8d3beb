-- expect: blocking-maintenance
REINDEX DATABASE shop;
