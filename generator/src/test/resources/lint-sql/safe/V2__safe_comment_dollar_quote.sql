-- expect: nothing
COMMENT ON FUNCTION f() IS $c$DROP TABLE orders; TRUNCATE customer$c$;
