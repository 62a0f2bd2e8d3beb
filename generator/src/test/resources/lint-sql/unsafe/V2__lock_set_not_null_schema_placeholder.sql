-- expect: set-not-null
ALTER TABLE ${flyway:defaultSchema}.orders ALTER COLUMN code SET NOT NULL;
