-- expect: drop-table
DROP DATABASE legacy;
