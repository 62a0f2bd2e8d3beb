-- expect: column-type-change
ALTER TABLE ${schema}.orders ALTER COLUMN total TYPE bigint;
