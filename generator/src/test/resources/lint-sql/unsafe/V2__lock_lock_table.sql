-- expect: lock-table
LOCK TABLE orders IN ACCESS EXCLUSIVE MODE;
