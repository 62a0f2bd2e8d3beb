-- The new constant is accepted, under the old constraint name, validated.
UPDATE customer SET status = 'CLOSED' WHERE id = 1;
SELECT convalidated FROM pg_constraint WHERE conname = 'customer_status_check';
UPDATE customer SET status = 'ACTIVE' WHERE id = 1;
