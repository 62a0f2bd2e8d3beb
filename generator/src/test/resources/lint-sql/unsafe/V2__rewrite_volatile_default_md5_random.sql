-- expect: volatile-default
ALTER TABLE orders ADD COLUMN token text DEFAULT md5(random()::text);
