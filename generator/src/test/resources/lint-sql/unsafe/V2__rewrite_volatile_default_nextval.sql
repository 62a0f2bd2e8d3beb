-- expect: volatile-default
CREATE SEQUENCE orders_ticket_seq;
ALTER TABLE orders ADD COLUMN ticket bigint DEFAULT nextval('orders_ticket_seq');
