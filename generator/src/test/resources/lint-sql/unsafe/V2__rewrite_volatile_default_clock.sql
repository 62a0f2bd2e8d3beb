-- expect: volatile-default
alter table if exists public.orders add column if not exists touched_at timestamptz default clock_timestamp();
