-- expect: unique-constraint-without-index
alter table orders add primary key (id);
