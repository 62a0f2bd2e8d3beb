-- expect: nothing
CREATE TABLE coupons (id bigint PRIMARY KEY, code text);
BEGIN;
CREATE INDEX coupons_code ON coupons (code);
UPDATE coupons SET code = upper(code);
ALTER TABLE coupons ADD CONSTRAINT coupons_code_key UNIQUE (code);
COMMIT;
