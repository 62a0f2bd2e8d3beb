SELECT convalidated FROM pg_constraint WHERE conname = 'fk_orders_referrer';
