-- expect: rename-table
ALTER SCHEMA shop RENAME TO store;
