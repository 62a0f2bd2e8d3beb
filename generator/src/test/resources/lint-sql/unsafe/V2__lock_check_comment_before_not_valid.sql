-- expect: constraint-without-not-valid
ALTER TABLE orders ADD CONSTRAINT ck CHECK (total >= 0) -- NOT VALID
;
