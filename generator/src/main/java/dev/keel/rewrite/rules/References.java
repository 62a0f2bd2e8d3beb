package dev.keel.rewrite.rules;

import dev.keel.project.ProjectState;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;

/** The foreign keys of other tables that point at a table, or at some of its columns. */
final class References {
    private References() {}

    /**
     * Every enforced foreign key of another table that references {@code target}, and, when {@code column}
     * is not null, that column of it; each as {@code app.Model (table): name (columns) -> target (columns)}.
     */
    static List<String> to(ProjectState state, Table target, String column) {
        var found = new ArrayList<String>();
        for (Table t : state.tables()) {
            if (t.qualifiedName().equals(target.qualifiedName())) {
                continue;
            }
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.enforced() && fk.targetTable().equals(target.qualifiedName())
                        && (column == null || fk.targetColumns().contains(column))) {
                    found.add(t.app() + "." + t.model() + " (table " + t.qualifiedName() + "): foreign key " + fk.name()
                            + " (" + String.join(", ", fk.columns()) + ") -> " + target.qualifiedName()
                            + " (" + String.join(", ", fk.targetColumns()) + ")");
                }
            }
        }
        found.sort(null);
        return found;
    }

    /** The listing of {@link #to}, one reference per indented line. */
    static String listing(List<String> references) {
        return "\n    " + String.join("\n    ", references);
    }
}
