-- change: int to bigint (amount, NOT NULL)
-- naive: ALTER COLUMN TYPE (rewrites the table and its indexes under ACCESS EXCLUSIVE)
-- new-code-bigint: amount
-- backfilled-column: amount
-- equals: amount_keel_old::bigint
-- contract: delete-pending
ALTER TABLE ticket ALTER COLUMN amount TYPE bigint;
