-- expect: table-rewrite
ALTER TABLE IF EXISTS ONLY public.orders SET TABLESPACE fast_ssd;
