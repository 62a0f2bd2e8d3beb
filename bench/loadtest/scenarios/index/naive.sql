-- change: index on created_at
-- naive: CREATE INDEX without CONCURRENTLY (SHARE lock for the whole build)
CREATE INDEX ix_ticket_created_at ON ticket (created_at);
