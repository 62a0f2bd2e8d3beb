-- change: NOT NULL column with a constant default, while a 12 s read transaction holds ticket
-- naive: Django's form, no lock timeout: it waits for the reader, and every write queues behind it
-- reader-ms: 12000
ALTER TABLE ticket ADD COLUMN revision integer DEFAULT 0 NOT NULL;
ALTER TABLE ticket ALTER COLUMN revision DROP DEFAULT;
