--liquibase formatted sql
-- expect: index-without-concurrently
--changeset bob:7 runInTransaction:false
CREATE TABLE coupons (id bigint PRIMARY KEY, code text);
BEGIN;
CREATE INDEX coupons_code ON coupons (code);
CREATE INDEX orders_total ON orders (total);
COMMIT;
