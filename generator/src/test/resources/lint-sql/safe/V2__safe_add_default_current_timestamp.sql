-- expect: nothing
alter table orders add column created_at timestamp with time zone default current_timestamp not null;
