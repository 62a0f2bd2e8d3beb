-- expect: drop-table
DROP SCHEMA IF EXISTS archive CASCADE;
