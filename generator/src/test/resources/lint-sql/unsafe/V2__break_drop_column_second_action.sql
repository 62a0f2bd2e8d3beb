-- expect: drop-column
ALTER TABLE orders ADD COLUMN note2 text, DROP COLUMN note;
