-- expect: nothing
SET ROLE migrator;
ALTER TABLE orders ADD COLUMN note3 text;
RESET ROLE;
