-- expect: drop-index-without-concurrently
DROP INDEX IF EXISTS public.orders_total_idx;
