-- expect: nothing
INSERT INTO order_state_names (code, name) VALUES ('new', 'New'), ('paid', 'Paid');
