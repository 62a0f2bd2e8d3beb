-- expect: nothing
ALTER TYPE order_state ADD VALUE IF NOT EXISTS 'held' AFTER 'new';
