-- The table is renamed with its rows; the old name is a view over it that the old code still writes through.
SELECT count(*) = 20000 FROM wish_list;
SELECT count(*) = 20000 FROM wishlist;
SELECT EXISTS (SELECT 1 FROM pg_views WHERE viewname = 'wishlist');
INSERT INTO wishlist (id, customer_id, product) VALUES (900001, 1, 'written by the old code');
UPDATE wishlist SET product = 'edited by the old code' WHERE id = 900001;
SELECT product = 'edited by the old code' FROM wish_list WHERE id = 900001;
INSERT INTO wish_list (id, customer_id, product) VALUES (900002, 1, 'written by the new code');
SELECT count(*) = 1 FROM wishlist WHERE id = 900002;
DELETE FROM wishlist WHERE id IN (900001, 900002);
SELECT count(*) = 20000 FROM wish_list;
