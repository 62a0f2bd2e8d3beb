-- expect: drop-table
drop table if exists "orders", public.customer cascade;
