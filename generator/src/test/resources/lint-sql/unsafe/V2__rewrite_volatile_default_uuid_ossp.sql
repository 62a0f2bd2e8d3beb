-- expect: volatile-default
ALTER TABLE orders ADD COLUMN ref uuid DEFAULT uuid_generate_v4();
