SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_orders_created_at'::regclass;
