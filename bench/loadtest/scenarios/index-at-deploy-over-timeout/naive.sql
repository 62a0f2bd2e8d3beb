-- change: index on (status, email) at deploy time, longer than the statement timeout (100 ms)
-- naive: CREATE INDEX without CONCURRENTLY (SHARE lock for the whole build)
-- large-tables: none
-- large-table-rows: 0
-- statement-timeout: 100ms
-- The size check is off and ticket is not listed, so the concurrent build runs in keel migrate (deploy time),
-- and takes longer than database.statementTimeout (lowered to 100 ms so that --quick's 100,000 rows exceed it, as
-- 3 million rows exceed the default 5 s): a build blocks no writes, so it runs without the statement timeout.
CREATE INDEX ix_ticket_status_email ON ticket (status, email);
