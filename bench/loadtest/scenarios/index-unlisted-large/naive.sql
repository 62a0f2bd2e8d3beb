-- change: index on (status, email), ticket NOT listed in largeTables
-- naive: CREATE INDEX without CONCURRENTLY (SHARE lock for the whole build)
-- large-tables: none
-- large-table-rows: 50000
-- keel.json of this change lists no large table: makemigrations writes the concurrent build as a deploy-time
-- migration, and keel migrate finds ticket large by its size (above database.largeTableRows, lowered to 50,000
-- so that the 100,000 rows of --quick count too; the full run's million rows are above the default) and leaves
-- the build for keel migrate --post-deploy.
CREATE INDEX ix_ticket_status_email ON ticket (status, email);
