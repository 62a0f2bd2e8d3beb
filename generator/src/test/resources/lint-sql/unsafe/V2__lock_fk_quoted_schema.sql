-- expect: constraint-without-not-valid
ALTER TABLE "shop"."orders" ADD FOREIGN KEY ("customer_id") REFERENCES "shop"."customer" ON DELETE CASCADE;
