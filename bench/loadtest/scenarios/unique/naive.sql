-- change: unique constraint on email
-- naive: ADD CONSTRAINT UNIQUE (builds the index under ACCESS EXCLUSIVE)
ALTER TABLE ticket ADD CONSTRAINT uk_ticket_email UNIQUE (email);
