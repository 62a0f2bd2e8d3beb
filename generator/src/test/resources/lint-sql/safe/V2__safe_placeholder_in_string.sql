-- expect: nothing
INSERT INTO settings (k, v) VALUES ('owner', '${owner}');
