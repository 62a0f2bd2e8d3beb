package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import java.util.Objects;

/**
 * Tables and sequences whose database changed ({@code @Database} added, removed or changed on an
 * entity that has a table already). keel does not move data between databases, so this needs the
 * user's decision: no operation is written and the run stops asking for input.
 */
public final class MovedDatabases implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (Table[] pair : ctx.keptTables()) {
            if (!Objects.equals(pair[0].database(), pair[1].database())) {
                ctx.needInput("model " + pair[0].app() + "." + pair[0].model() + " (table " + pair[0].qualifiedName()
                        + ") moved from database " + pair[0].databaseName() + " to " + pair[1].databaseName()
                        + " (@Database on " + (pair[1].entity() == null ? "its entity" : pair[1].entity()) + "); keel does"
                        + " not move tables and their rows between databases.\nTo fix: put @Database back as it was; to"
                        + " move the data, add a new entity in " + pair[1].databaseName() + ", copy the rows with a data"
                        + " migration (runJava(...).touches(...)), then delete the old entity.");
            }
        }
        for (Sequence after : ctx.target().sequences()) {
            ctx.current().sequence(after.name()).filter(before -> !Objects.equals(before.database(), after.database()))
                    .ifPresent(before -> ctx.needInput("sequence " + after.name() + " moved from database "
                            + before.databaseName() + " to " + after.databaseName() + " with the entities it serves; keel"
                            + " does not move sequences between databases.\nTo fix: put @Database back as it was, or give"
                            + " the moved entities a new sequence (@SequenceGenerator with another sequenceName)."));
        }
    }
}
