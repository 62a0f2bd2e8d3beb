-- expect: drop-table
DROP OWNED BY legacy_app CASCADE;
