-- expect: nothing
ALTER TABLE orders ADD COLUMN attrs jsonb NOT NULL DEFAULT '{}'::jsonb;
