-- expect: nothing
ALTER TABLE orders ADD CONSTRAINT ck CHECK (total >= 0) /* scanned later */ NOT VALID;
