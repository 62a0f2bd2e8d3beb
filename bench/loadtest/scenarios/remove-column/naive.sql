-- change: column removal (legacy_code)
-- naive: DROP COLUMN while the running code still writes it
ALTER TABLE ticket DROP COLUMN legacy_code;
