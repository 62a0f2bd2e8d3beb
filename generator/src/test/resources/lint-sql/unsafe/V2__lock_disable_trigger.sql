-- expect: disable-trigger
ALTER TABLE orders DISABLE TRIGGER ALL;
