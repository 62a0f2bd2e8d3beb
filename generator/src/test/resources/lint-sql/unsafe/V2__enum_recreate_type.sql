-- expect: column-type-change
ALTER TYPE order_state RENAME TO order_state_old;
CREATE TYPE order_state AS ENUM ('new', 'paid');
ALTER TABLE orders ALTER COLUMN state TYPE order_state USING state::text::order_state;
DROP TYPE order_state_old;
