package com.acme.news.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** Renames what 0002 used: its code keeps the names of its own time. */
public final class M0003_rename_post extends Migration {
    private static final String COPY_TITLES = "UPDATE story SET headline_copy = headline";

    @Override
    protected void define() {
        dependsOn("news", "0002_fill_slugs");
        operations(
                renameField("post", "title", "headline", "headline"),
                alterModelTable("post", "story"),
                addField("post", "headlineCopy", column("headline_copy", "text").nullable()),
                runSql(COPY_TITLES, "UPDATE story SET headline_copy = NULL"));
    }
}
