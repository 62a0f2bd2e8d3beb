package dev.keel.rewrite;

import dev.keel.operations.Operation;
import dev.keel.state.ProjectState;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a safety rule sees: the app, the state before the migration (to tell existing tables from new
 * ones), the state just before the operation at hand, the operations still to come, and the options.
 */
public final class RewriteContext {
    private final String app;
    private final ProjectState before;
    private final SafetyOptions options;
    private ProjectState current;
    private List<Operation> remaining = List.of();
    private final Set<Operation> consumed = new HashSet<>();
    private final List<String> refusals = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    RewriteContext(String app, ProjectState before, SafetyOptions options) {
        this.app = app;
        this.before = before;
        this.current = before;
        this.options = options;
    }

    /** The app whose migration is being rewritten. */
    public String app() {
        return app;
    }

    /** What the user allows, and which tables are large. */
    public SafetyOptions options() {
        return options;
    }

    /** The state just before the operation being rewritten. */
    public ProjectState current() {
        return current;
    }

    /**
     * Whether the model's table existed before this migration (and so may hold rows and traffic): the
     * model was there, or a table of the same name (a model renamed in state only keeps its table).
     */
    public boolean existingTable(String model) {
        var table = current.table(app, model);
        return table.isPresent()
                && (before.table(app, model).isPresent() || before.tableNamed(table.get().qualifiedName()).isPresent());
    }

    /** Whether keel.json names the model's table large: its index builds and validations run after deployment. */
    public boolean largeTable(String model) {
        return options.isLarge(table(model));
    }

    /** The model's table just before the operation being rewritten. */
    public Table table(String model) {
        return current.requireTable(app, model);
    }

    /** The operations after the one being rewritten. */
    public List<Operation> remaining() {
        return remaining;
    }

    /** Marks a later operation as handled by the current rewrite. */
    public void consume(Operation later) {
        consumed.add(later);
    }

    /** Records a change keel will not write without explicit permission. */
    public void refuse(String message) {
        refusals.add(message);
    }

    /** Records something the user should know about the plan (what a later run will write). */
    public void note(String message) {
        notes.add(message);
    }

    List<String> notes() {
        return notes;
    }

    boolean isConsumed(Operation op) {
        return consumed.contains(op);
    }

    List<String> refusals() {
        return refusals;
    }

    void advance(ProjectState next, List<Operation> rest) {
        current = next;
        remaining = rest;
    }
}
