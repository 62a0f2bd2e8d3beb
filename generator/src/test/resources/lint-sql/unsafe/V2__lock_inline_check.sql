-- expect: constraint-without-not-valid
alter table orders add column qty int default 0 not null check (qty >= 0);
