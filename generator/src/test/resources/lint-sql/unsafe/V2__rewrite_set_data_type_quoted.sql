-- expect: column-type-change
alter table "public"."orders"
  alter column "total" set data type numeric(12, 2) using "total"::numeric;
