-- change: column rename of a NOT NULL, indexed column (priority to urgency, index ix_ticket_priority to ix_ticket_urgency)
-- naive: RENAME COLUMN while the running code still writes the old name
-- new-code-column: priority urgency
-- backfilled-column: urgency
-- equals: priority
-- contract: delete-pending
ALTER TABLE ticket RENAME COLUMN priority TO urgency;
ALTER INDEX ix_ticket_priority RENAME TO ix_ticket_urgency;
