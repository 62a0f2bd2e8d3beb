-- expect: nothing
UPDATE orders SET status = 'new' WHERE id BETWEEN 1 AND 1000;
