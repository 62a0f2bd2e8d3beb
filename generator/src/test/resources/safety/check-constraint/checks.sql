SELECT convalidated FROM pg_constraint WHERE conname = 'orders_total_check';
