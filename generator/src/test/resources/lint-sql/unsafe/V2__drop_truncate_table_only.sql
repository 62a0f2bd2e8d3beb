-- expect: truncate
truncate table only public.orders restart identity cascade;
