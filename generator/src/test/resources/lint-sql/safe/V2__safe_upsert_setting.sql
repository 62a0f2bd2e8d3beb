-- expect: nothing
INSERT INTO settings (key, value) VALUES ('mode', 'x') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
