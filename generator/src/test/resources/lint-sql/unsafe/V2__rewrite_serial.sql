-- expect: rewriting-add-column
ALTER TABLE "Orders" ADD COLUMN seq_no BIGSERIAL;
