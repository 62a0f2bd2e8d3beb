--liquibase formatted sql
-- expect: nothing
--changeset alice:1 runInTransaction:false
CREATE INDEX CONCURRENTLY orders_total ON orders (total);
--changeset alice:2 runInTransaction:false
DROP INDEX CONCURRENTLY orders_old;
