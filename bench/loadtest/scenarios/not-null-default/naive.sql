-- change: NOT NULL column with a constant default (revision integer DEFAULT 0)
-- naive: Django's form: add the column with the default, then drop the default
ALTER TABLE ticket ADD COLUMN revision integer DEFAULT 0 NOT NULL;
ALTER TABLE ticket ALTER COLUMN revision DROP DEFAULT;
