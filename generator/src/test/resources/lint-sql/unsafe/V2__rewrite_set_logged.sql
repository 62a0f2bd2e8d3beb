-- expect: table-rewrite
ALTER TABLE orders SET LOGGED;
