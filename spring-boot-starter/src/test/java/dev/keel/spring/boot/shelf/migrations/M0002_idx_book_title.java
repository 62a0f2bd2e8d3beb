package dev.keel.spring.boot.shelf.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A post-deployment index build: the deploy phase leaves it for after the deployment. */
public final class M0002_idx_book_title extends Migration {
    @Override
    protected void define() {
        dependsOn("shelf", "0001_initial");
        atomic(false);
        postDeployment();
        operations(
                addIndex("book", index("idx_book_title", "title")).concurrently());
    }
}
