-- expect: drop-column
DROP DOMAIN IF EXISTS positive_amount CASCADE;
