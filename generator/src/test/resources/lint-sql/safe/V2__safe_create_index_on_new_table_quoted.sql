-- expect: nothing
CREATE TABLE "Audit" (id bigint);
CREATE INDEX audit_id ON "Audit" (id);
