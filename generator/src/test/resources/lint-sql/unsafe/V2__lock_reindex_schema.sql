-- expect: blocking-maintenance
REINDEX SCHEMA public;
