-- expect: nothing
GRANT SELECT ON orders TO reporting;
