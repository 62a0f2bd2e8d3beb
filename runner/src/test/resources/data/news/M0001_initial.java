package com.acme.news.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

public final class M0001_initial extends Migration {
    @Override
    protected void define() {
        initial();
        operations(
                createModel("Post", table("post").entity("Post")
                        .field("id", column("id", "bigint"))
                        .field("title", column("title", "text"))
                        .field("slug", column("slug", "text").nullable())
                        .field("touched", column("touched", "integer").defaultSql("0"))
                        .primaryKey("id")));
    }
}
