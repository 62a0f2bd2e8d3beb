-- change: nullable -> NOT NULL (status)
-- naive: SET NOT NULL directly (scans ticket under ACCESS EXCLUSIVE)
ALTER TABLE ticket ALTER COLUMN status SET NOT NULL;
