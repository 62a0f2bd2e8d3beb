-- expect: nothing
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SEQUENCE IF NOT EXISTS customer_seq START WITH 1 INCREMENT BY 50;
CREATE TYPE order_state AS ENUM ('new', 'paid');
CREATE TABLE customer (
    id bigint PRIMARY KEY DEFAULT nextval('customer_seq'),
    email varchar(100) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER SEQUENCE customer_seq OWNED BY customer.id;
CREATE TABLE orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id bigint NOT NULL REFERENCES customer (id),
    state order_state NOT NULL DEFAULT 'new',
    total numeric(10, 2) NOT NULL CHECK (total >= 0)
);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk2 FOREIGN KEY (customer_id) REFERENCES customer (id);
ALTER TABLE orders ADD COLUMN note text NOT NULL;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
CREATE UNIQUE INDEX orders_customer_state ON orders (customer_id, state);
INSERT INTO customer (email) VALUES ('admin@example.com');
UPDATE customer SET email = lower(email);
COMMENT ON TABLE orders IS 'orders';
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app;
CREATE OR REPLACE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
CREATE MATERIALIZED VIEW order_stats AS SELECT state, count(*) FROM orders GROUP BY state WITH NO DATA;
ALTER TABLE orders OWNER TO app;
