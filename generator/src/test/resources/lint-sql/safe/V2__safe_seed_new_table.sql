-- expect: nothing
CREATE TABLE order_state_names (code text PRIMARY KEY, name text NOT NULL);
INSERT INTO order_state_names (code, name) VALUES ('new', 'New'), ('paid', 'Paid');
CREATE INDEX order_state_names_name ON order_state_names (name);
