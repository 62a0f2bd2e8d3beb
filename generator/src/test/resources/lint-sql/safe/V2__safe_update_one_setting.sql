-- expect: nothing
UPDATE settings SET value = 'y' WHERE key = 'mode';
