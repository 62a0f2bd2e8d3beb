-- The table stays, with its rows, and no foreign key ties it to customer any more.
SELECT count(*) = 20000 FROM wishlist;
SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk_wishlist_customer');
