-- expect: lock-table
lock orders;
