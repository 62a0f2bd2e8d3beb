package dev.keel.diff;

import dev.keel.operations.Operation;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the detection rules share: the target state, the hints, the questioner, and the state reached so
 * far. Every emitted operation is applied to {@link #current()} at once, so later rules see earlier
 * results (a renamed model is found under its new name) and an operation that cannot apply fails here,
 * not in the user's database.
 */
public final class DiffContext {
    private ProjectState target;
    private final DiffHints hints;
    private final Questioner questioner;
    private ProjectState current;
    private final ProjectState initial;
    private final Map<String, List<Operation>> operations = new LinkedHashMap<>();
    private final List<String> inputNeeded = new ArrayList<>();

    public DiffContext(ProjectState from, ProjectState target, DiffHints hints, Questioner questioner) {
        this.current = from;
        this.initial = from;
        this.target = target;
        this.hints = hints;
        this.questioner = questioner;
    }

    /** The state the migrations reach, with the operations emitted so far applied. */
    public ProjectState current() {
        return current;
    }

    /** The state the migrations reach, before any operation of this run. */
    public ProjectState initial() {
        return initial;
    }

    /** The state the entities describe. */
    public ProjectState target() {
        return target;
    }

    public DiffHints hints() {
        return hints;
    }

    public Questioner questioner() {
        return questioner;
    }

    /** Adds an operation to {@code app}'s changes and applies it to the current state. */
    public void emit(String app, Operation op) {
        if (!inputNeeded.isEmpty()) {
            // a decision is missing, so this run writes nothing and reports what it needs; an operation that depends on
            // what was left undecided (the foreign key of a NOT NULL column without a default) is left out with it
            try {
                current = StateTransitions.apply(op, app, current);
            } catch (RuntimeException dependsOnTheUndecided) {
                return;
            }
        } else {
            current = StateTransitions.apply(op, app, current);
        }
        operations.computeIfAbsent(app, a -> new ArrayList<>()).add(op);
    }

    /**
     * Makes the target column of a field carry {@code sql} as its database default: the Java initializer
     * that keel turns into a database default (the default to db-default swap).
     */
    public void acceptInitializerDefault(String app, String model, String field, String sql) {
        target = target.updateTable(app, model, t -> t.findFieldOrColumn(field)
                .map(c -> t.replaceColumn(c.name(), c.defaultSql(sql))).orElse(t));
    }

    /**
     * Makes the target column of a field carry {@code sql} as a {@link dev.keel.state.Column#keepDefault()
     * kept} database default: a default the entity does not declare (the value typed at the prompt), which
     * the database keeps for the code that inserts without the column.
     */
    public void keepDefault(String app, String model, String field, String sql) {
        target = target.updateTable(app, model, t -> t.findFieldOrColumn(field)
                .map(c -> t.replaceColumn(c.name(), c.defaultSql(sql).keepDefault())).orElse(t));
    }

    /** Records a decision the user must take; the detector fails with all of them at the end. */
    public void needInput(String message) {
        inputNeeded.add(message);
    }

    List<String> inputNeeded() {
        return inputNeeded;
    }

    Map<String, List<Operation>> operations() {
        return operations;
    }

    /** The current table of a model. */
    public Optional<Table> currentTable(ModelKey key) {
        return current.table(key);
    }

    /** The target table of a model. */
    public Optional<Table> targetTable(ModelKey key) {
        return target.table(key);
    }

    /** Models that exist both in the current and in the target state, as (current, target) pairs. */
    public List<Table[]> keptTables() {
        var pairs = new ArrayList<Table[]>();
        for (Table t : current.tables()) {
            target.table(t.app(), t.model()).ifPresent(after -> pairs.add(new Table[] {t, after}));
        }
        return pairs;
    }
}
