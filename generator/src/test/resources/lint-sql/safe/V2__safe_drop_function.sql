-- expect: nothing
DROP FUNCTION IF EXISTS old_helper();
