package com.example.blog.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Adds the nullable {@code slug} of a post; 0004 fills it for existing posts. */
public final class M0002_add_post_slug extends Migration {
    @Override
    protected void define() {
        dependsOn("blog", "0001_initial");
        operations(
                addField("post", "slug", column("slug", "varchar(200)").nullable()));
    }
}
