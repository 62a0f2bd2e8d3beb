package dev.keel.scan;

import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.project.ProjectState;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a scanned state as lines of text, to assert a whole table at once: its columns in order
 * ({@code name type [not null]}), then its primary key, unique constraints, checks and foreign keys
 * (sorted, without their hashed names).
 */
final class TableText {
    private TableText() {}

    static List<String> of(ProjectState state, String model) {
        Table t = ScanFixture.table(state, model);
        var lines = new ArrayList<String>();
        for (Column c : t.columns()) {
            lines.add(c.name() + " " + c.type() + (c.notNull() ? " not null" : ""));
        }
        if (t.primaryKey() != null) {
            lines.add("primary key " + t.primaryKey().columns());
        }
        for (UniqueConstraint u : t.uniques()) {
            lines.add("unique " + u.columns());
        }
        for (CheckConstraint c : t.checks()) {
            lines.add("check " + c.expression());
        }
        var foreignKeys = new ArrayList<String>();
        for (ForeignKey fk : t.foreignKeys()) {
            foreignKeys.add("foreign key " + fk.columns() + " -> " + fk.targetTable() + fk.targetColumns()
                    + (fk.onDelete().equals("NO ACTION") ? "" : " on delete " + fk.onDelete()));
        }
        foreignKeys.sort(null);
        lines.addAll(foreignKeys);
        return lines;
    }
}
