package com.example.blog.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/**
 * Indexes posts by creation time. The table already holds data, so the index is built
 * concurrently, which cannot run in a transaction: the migration is not atomic.
 */
public final class M0003_idx_post_created_at extends Migration {
    @Override
    protected void define() {
        dependsOn("blog", "0002_add_post_slug");
        atomic(false);
        operations(
                addIndex("post", index("idx_post_created_at", "created_at")).concurrently());
    }
}
