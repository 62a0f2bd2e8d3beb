-- expect: drop-column
ALTER TABLE IF EXISTS ONLY "public"."orders" DROP COLUMN IF EXISTS "Note" CASCADE;
