-- expect: enum-value-removal
DELETE FROM pg_enum WHERE enumlabel = 'shipped' AND enumtypid = 'order_state'::regtype;
