-- expect: nothing
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL);
ALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
CREATE INDEX refunds_order ON refunds (order_id);
