-- expect: blocking-maintenance
cluster verbose public.orders;
