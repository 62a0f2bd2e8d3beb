--liquibase formatted sql
-- expect: concurrently-in-atomic-migration
--changeset alice:1 runInTransaction:false
BEGIN;
CREATE INDEX CONCURRENTLY orders_total ON orders (total);
COMMIT;
