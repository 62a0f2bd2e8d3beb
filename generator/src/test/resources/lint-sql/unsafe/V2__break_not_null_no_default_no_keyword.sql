-- expect: not-null-without-default
alter table public.orders add priority integer not null;
