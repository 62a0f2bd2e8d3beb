-- expect: nothing
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_fts ON orders USING gin (to_tsvector('english', note));
