--liquibase formatted sql
-- expect: nothing
--changeset alice:1 runInTransaction:false
CREATE INDEX CONCURRENTLY orders_total ON orders (total);
--rollback DROP INDEX CONCURRENTLY orders_total;
