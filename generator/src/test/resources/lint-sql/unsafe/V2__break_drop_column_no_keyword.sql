-- expect: drop-column
alter table orders drop note;
