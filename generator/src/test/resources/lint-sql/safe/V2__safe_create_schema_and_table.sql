-- expect: nothing
CREATE SCHEMA IF NOT EXISTS audit;
CREATE TABLE audit.log (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
