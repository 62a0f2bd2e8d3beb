package dev.keel.rewrite.rules;

import dev.keel.project.ProjectState;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reference whose target changes while its column stays: a {@code @ManyToOne owner} that pointed at
 * {@code Customer} now points at {@code Account}, under the same column {@code owner_id}. keel drops the old foreign
 * key and adds the new one {@code NOT VALID}, then validates it in a later migration; but the column still holds the
 * old target's keys. The validation then fails on keys the new table lacks, or, worse, passes on keys that happen
 * to exist there and now name unrelated rows. This unit says so, with the query that finds the rows to map.
 */
public final class ReferencesRetargeted {
    private ReferencesRetargeted() {}

    /** One note per column whose foreign key the change from {@code before} to {@code after} points at another table. */
    public static List<String> notes(String app, ProjectState before, ProjectState after) {
        var notes = new ArrayList<String>();
        for (Table now : after.tables(app)) {
            Optional<Table> old = before.tableNamed(now.qualifiedName());
            if (old.isEmpty()) {
                continue;
            }
            for (ForeignKey fk : now.foreignKeys()) {
                old.get().foreignKeys().stream()
                        .filter(o -> o.columns().equals(fk.columns()) && !o.targetTable().equals(fk.targetTable())
                                && now.findColumn(fk.columns().get(0)).isPresent()
                                // two tables that both were there and stay: not one table renamed (its rows and keys move with it)
                                && before.tableNamed(fk.targetTable()).isPresent()
                                && after.tableNamed(o.targetTable()).isPresent())
                        .findFirst()
                        .ifPresent(o -> notes.add(note(app, now, o, fk)));
            }
        }
        return notes;
    }

    private static String note(String app, Table table, ForeignKey old, ForeignKey now) {
        String columns = String.join(", ", now.columns());
        var join = new StringBuilder();
        for (int i = 0; i < now.columns().size(); i++) {
            join.append(i == 0 ? "" : " AND ").append("r.").append(now.targetColumns().get(i)).append(" = t.")
                    .append(now.columns().get(i));
        }
        String notNull = now.columns().stream().map(c -> "t." + c + " IS NOT NULL").reduce((a, b) -> a + " AND " + b)
                .orElseThrow();
        return app + "." + table.model() + ": " + table.qualifiedName() + "." + columns + " referenced "
                + old.targetTable() + " and now references " + now.targetTable() + ", but its values stay those of "
                + old.targetTable() + ": keel does not map them. The new foreign key is added NOT VALID and validated by"
                + " a later migration: the validation fails on values " + now.targetTable() + " lacks, and passes on those"
                + " it happens to have, which then name unrelated rows."
                + "\n  Map the values in a data migration that runs before the validation (keel makemigrations --empty " + app
                + ", and make the validating migration depend on it), or give the reference a new column"
                + " (@JoinColumn(name = ...)). The rows that do not match yet:"
                + "\n    SELECT t.* FROM " + table.qualifiedName() + " t WHERE " + notNull + " AND NOT EXISTS (SELECT 1 FROM "
                + now.targetTable() + " r WHERE " + join + ");";
    }
}
