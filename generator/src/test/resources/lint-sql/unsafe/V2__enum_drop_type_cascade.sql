-- expect: drop-column
DROP TYPE order_state CASCADE;
