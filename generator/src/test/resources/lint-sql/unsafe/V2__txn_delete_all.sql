-- expect: whole-table-dml
DELETE FROM orders;
