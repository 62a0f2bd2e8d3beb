-- expect: rename-column
alter table "shop"."Orders" rename column "Total" to "Amount";
