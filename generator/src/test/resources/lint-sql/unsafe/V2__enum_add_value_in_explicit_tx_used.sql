-- expect: new-enum-value-used, mixed-schema-and-data
BEGIN;
ALTER TYPE order_state ADD VALUE 'held';
UPDATE orders SET state = 'held' WHERE id = 7;
COMMIT;
