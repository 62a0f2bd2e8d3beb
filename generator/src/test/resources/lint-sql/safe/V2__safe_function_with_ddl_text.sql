-- expect: nothing
CREATE OR REPLACE FUNCTION audit_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- ALTER TABLE orders DROP COLUMN note; is only text here
  INSERT INTO audit_log (tbl, op) VALUES ('orders', TG_OP);
  RETURN NEW;
END
$$;
