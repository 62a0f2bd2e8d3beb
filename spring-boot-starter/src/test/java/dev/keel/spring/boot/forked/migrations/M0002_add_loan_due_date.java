package dev.keel.spring.boot.forked.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** One branch's migration 0002. */
public final class M0002_add_loan_due_date extends Migration {
    @Override
    protected void define() {
        dependsOn("forked", "0001_initial");
        operations(
            addField("loan", "dueDate", column("due_date", "date").nullable()));
    }
}
