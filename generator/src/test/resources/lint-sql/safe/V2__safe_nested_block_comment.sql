-- expect: nothing
/* outer /* inner */ DROP TABLE orders; still a comment */
ALTER TABLE orders ADD COLUMN a int;
