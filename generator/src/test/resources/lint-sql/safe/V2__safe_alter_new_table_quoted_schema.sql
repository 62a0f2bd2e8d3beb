-- expect: nothing
CREATE TABLE IF NOT EXISTS shop.audit (id bigint, note varchar(10));
ALTER TABLE shop.audit ALTER COLUMN note TYPE varchar(5), ADD CONSTRAINT audit_pk PRIMARY KEY (id), ADD CONSTRAINT audit_ck CHECK (id > 0);
ALTER TABLE ONLY "shop"."audit" ALTER COLUMN note SET NOT NULL;
