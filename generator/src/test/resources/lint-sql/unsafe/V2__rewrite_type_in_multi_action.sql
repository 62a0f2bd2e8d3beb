-- expect: column-type-change
ALTER TABLE ONLY orders
    ADD COLUMN note text, -- a comment inside
    ALTER COLUMN customer_id TYPE bigint;
