--liquibase formatted sql
-- expect: index-without-concurrently
--changeset alice:1
CREATE INDEX orders_total ON orders (total);
--rollback DROP INDEX orders_total;
