-- expect: constraint-without-not-valid
alter table orders add constraint orders_total_positive check (total >= 0);
