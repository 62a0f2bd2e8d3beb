-- expect: nothing
CREATE TABLE coupons (id bigint PRIMARY KEY, code text);
ALTER TABLE coupons ADD CONSTRAINT coupons_code_key UNIQUE (code);
ALTER TABLE coupons ADD CONSTRAINT coupons_ck CHECK (code <> '');
