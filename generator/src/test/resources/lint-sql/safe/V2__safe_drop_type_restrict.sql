-- expect: nothing
DROP TYPE IF EXISTS old_state;
