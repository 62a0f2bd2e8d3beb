-- expect: nothing
CREATE FUNCTION noop() RETURNS text LANGUAGE sql AS 'SELECT ''DROP TABLE orders''';
