-- expect: volatile-default
ALTER TABLE orders ADD bucket int DEFAULT (random() * 10)::int;
