-- expect: set-not-null
ALTER TABLE ONLY "orders" ALTER "code" SET NOT NULL, ALTER "code" SET DEFAULT '';
