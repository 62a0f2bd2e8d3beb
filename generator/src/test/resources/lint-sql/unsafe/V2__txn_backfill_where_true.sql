-- expect: whole-table-dml
UPDATE orders SET status = 'new' WHERE TRUE;
