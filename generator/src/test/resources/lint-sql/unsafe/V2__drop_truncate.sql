-- expect: truncate
TRUNCATE orders;
