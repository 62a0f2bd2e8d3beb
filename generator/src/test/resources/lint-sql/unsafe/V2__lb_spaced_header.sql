-- expect: drop-column
-- liquibase formatted sql
-- changeset bob:2 runInTransaction:false splitStatements:true
ALTER TABLE orders DROP COLUMN note;
