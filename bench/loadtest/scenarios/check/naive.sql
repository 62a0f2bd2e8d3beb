-- change: check constraint priority >= 0
-- naive: ADD CONSTRAINT CHECK without NOT VALID (scans ticket under ACCESS EXCLUSIVE)
ALTER TABLE ticket ADD CONSTRAINT ck_ticket_priority CHECK (priority >= 0);
