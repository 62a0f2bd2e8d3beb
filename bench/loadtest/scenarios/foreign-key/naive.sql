-- change: foreign key owner_id -> owner
-- naive: ADD CONSTRAINT FOREIGN KEY without NOT VALID (scans ticket under SHARE ROW EXCLUSIVE)
ALTER TABLE ticket ADD CONSTRAINT fk_ticket_owner FOREIGN KEY (owner_id) REFERENCES owner (id);
