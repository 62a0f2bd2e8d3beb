package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0002_textblock_fk_with_column extends Migration {

    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(runSql("""
                ALTER TABLE orders
                  ADD COLUMN coupon_id bigint,
                  ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES customer (id);
                """));
    }
}
