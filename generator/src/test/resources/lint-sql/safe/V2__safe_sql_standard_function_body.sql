-- expect: nothing
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN true THEN 1 ELSE 0 END;
  SELECT count(*) FROM orders;
END;
ALTER TABLE orders ADD COLUMN note text;
