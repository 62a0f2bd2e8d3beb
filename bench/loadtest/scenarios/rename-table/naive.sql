-- change: table rename (ticket to support_ticket; keel's expand: rename + view under the old name)
-- naive: RENAME TO while the running code still writes the old name
-- new-table: support_ticket
-- contract: delete-pending
ALTER TABLE ticket RENAME TO support_ticket;
