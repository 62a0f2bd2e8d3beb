-- expect: blocking-maintenance
reindex (verbose) index public."orders_pkey";
