--liquibase formatted sql
-- expect: drop-column

--changeset bob:2 runInTransaction:false
ALTER TABLE orders DROP COLUMN note;
