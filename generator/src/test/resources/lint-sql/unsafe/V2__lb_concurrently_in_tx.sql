--liquibase formatted sql
-- expect: concurrently-in-atomic-migration
--changeset alice:1
CREATE INDEX CONCURRENTLY orders_total ON orders (total);
