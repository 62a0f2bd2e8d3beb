-- expect: drop-column
DROP EXTENSION citext CASCADE;
