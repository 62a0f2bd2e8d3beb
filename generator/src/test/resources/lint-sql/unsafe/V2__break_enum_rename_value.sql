-- expect: enum-value-removal
ALTER TYPE order_state RENAME VALUE 'shipped' TO 'sent';
