-- expect: index-without-concurrently
create unique index if not exists "Orders_Code_Key" on public."orders" using btree (lower(code));
