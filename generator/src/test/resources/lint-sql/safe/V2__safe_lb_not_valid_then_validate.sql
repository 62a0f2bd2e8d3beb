--liquibase formatted sql
-- expect: nothing
--changeset alice:1
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID;
--changeset alice:2
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
