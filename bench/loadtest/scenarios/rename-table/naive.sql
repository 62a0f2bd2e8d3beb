-- change: table rename (ticket to support_ticket, --allow-unsafe rename)
-- naive: RENAME TO while the running code still writes the old name
-- keel-args: --allow-unsafe rename
-- new-table: support_ticket
ALTER TABLE ticket RENAME TO support_ticket;
