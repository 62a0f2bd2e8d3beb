-- expect: exclusion-constraint
ALTER TABLE bookings ADD EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled);
