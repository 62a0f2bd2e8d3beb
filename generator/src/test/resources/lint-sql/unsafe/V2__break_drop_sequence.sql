-- expect: drop-sequence
DROP SEQUENCE orders_id_seq;
