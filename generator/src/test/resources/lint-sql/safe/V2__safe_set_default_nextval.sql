-- expect: nothing
ALTER TABLE orders ALTER COLUMN ticket SET DEFAULT nextval('orders_ticket_seq');
