package com.example.blog.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.RunSql;

import static dev.keel.migration.Operations.*;

/** A data migration: gives every existing post a slug made from its title. Nothing to undo. */
public final class M0004_fill_post_slug extends Migration {
    private static final String FILL_SLUGS = """
            UPDATE post
               SET slug = left(trim(both '-' from lower(regexp_replace(title, '[^a-zA-Z0-9]+', '-', 'g'))), 200)
             WHERE slug IS NULL
            """;

    @Override
    protected void define() {
        dependsOn("blog", "0003_idx_post_created_at");
        operations(
                runSql(FILL_SLUGS, RunSql.NOOP));
    }
}
