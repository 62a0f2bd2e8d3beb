package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** The shop every safety scenario starts from: customers, their orders and their wishlists. */
public final class M0001_initial extends Migration {
    @Override
    protected void define() {
        initial();
        operations(
                createModel("Customer", table("customer").entity("Customer")
                        .field("id", column("id", "bigint"))
                        .field("email", column("email", "varchar(100)"))
                        .field("name", column("name", "varchar(100)").nullable())
                        .field("status", column("status", "varchar(20)").nullable())
                        .field("legacyCode", column("legacy_code", "varchar(20)"))
                        .field("nickname", column("nickname", "text").nullable())
                        .primaryKey("id")
                        .constraint(check("customer_status_check", "status IN ('NEW', 'ACTIVE')"))
                        .index(index("ix_customer_legacy_code", "legacy_code"))),
                createModel("Order", table("orders").entity("Order")
                        .field("id", column("id", "bigint"))
                        .field("customer", column("customer_id", "bigint"))
                        .field("referrer", column("referrer_id", "bigint").nullable())
                        .field("total", column("total", "numeric(10,2)"))
                        .field("createdAt", column("created_at", "timestamp(6) with time zone"))
                        .primaryKey("id")
                        .constraint(foreignKey("fk_orders_customer", "customer_id").references("customer", "id"))),
                createModel("Wishlist", table("wishlist").entity("Wishlist")
                        .field("id", column("id", "bigint"))
                        .field("customer", column("customer_id", "bigint"))
                        .field("product", column("product", "text"))
                        .primaryKey("id")
                        .constraint(foreignKey("fk_wishlist_customer", "customer_id").references("customer", "id"))));
    }
}
