package com.acme.news.migrations;

import dev.keel.migration.HistoricalTable;
import dev.keel.migration.Migration;
import dev.keel.migration.MigrationContext;

import static dev.keel.migration.Operations.*;

/** Fills slugs in batches of 1000; each row it writes counts the write in touched. */
public final class M0002_fill_slugs extends Migration {
    @Override
    protected void define() {
        dependsOn("news", "0001_initial");
        atomic(false);
        postDeployment();
        operations(runJava("fill", "unfill"));
    }

    void fill(MigrationContext ctx) throws Exception {
        HistoricalTable post = ctx.table("post");
        ctx.log("names as of 0002: " + post.name() + "." + post.column("title") + ", key " + post.primaryKey());
        ctx.batches("post").size(1000)
                .where(post.column("slug") + " IS NULL")
                .update(post.column("slug") + " = lower(" + post.column("title") + "), touched = touched + 1");
    }

    void unfill(MigrationContext ctx) throws Exception {
        ctx.batches("post").size(1000).update(ctx.column("post", "slug") + " = NULL");
    }
}
