-- expect: nothing
ALTER TABLE orders ADD COLUMN label text NOT NULL DEFAULT 'a' || 'b';
