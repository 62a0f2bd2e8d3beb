package dev.keel.rewrite;

import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameModel;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a safety rule sees: the app, the state just before the operation at hand, which tables the
 * migration creates (to tell existing tables from new ones), the operations still to come, and the options.
 */
public final class RewriteContext {
    private final String app;
    private final SafetyOptions options;
    private ProjectState current;
    private final ProjectState before;
    private List<Operation> remaining = List.of();
    private final Set<Operation> consumed = new HashSet<>();
    private final Set<ModelKey> created = new HashSet<>();
    private final Set<String> viewedTables = new HashSet<>();
    private final List<String> refusals = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    RewriteContext(String app, ProjectState before, SafetyOptions options, Set<ModelKey> createdInRun) {
        this.app = app;
        this.current = before;
        this.before = before;
        this.options = options;
        createdInRun.stream().filter(k -> k.app().equals(app)).forEach(created::add);
    }

    /** The app whose migration is being rewritten. */
    public String app() {
        return app;
    }

    /** What the user allows, and which tables are large. */
    public SafetyOptions options() {
        return options;
    }

    /** The state before the migration being rewritten. */
    public ProjectState before() {
        return before;
    }

    /** The state just before the operation being rewritten. */
    public ProjectState current() {
        return current;
    }

    /**
     * Whether the model's table existed before this migration (and so may hold rows and traffic): it is
     * in the state and this migration did not create it. A model renamed earlier in the migration keeps
     * its table, so its table is an existing one under the new model name.
     */
    public boolean existingTable(String model) {
        return current.table(app, model).isPresent() && !created.contains(new ModelKey(app, model));
    }

    /** Notes what an operation just applied did to the set of tables this migration creates. */
    void applied(Operation op) {
        if (op instanceof dev.keel.operations.CreateCompatibilityView view) {
            viewedTables.add(view.table());
        }
        if (op instanceof CreateModel create) {
            created.add(new ModelKey(app, create.model()));
        } else if (op instanceof RenameModel rename && created.remove(new ModelKey(app, rename.oldModel()))) {
            created.add(new ModelKey(app, rename.newModel()));
        }
    }

    /**
     * Whether the model's table was renamed in this migration with a view under its old name: the code still
     * running reaches it through the view, under the names the columns had then.
     */
    public boolean renamedBehindView(String model) {
        return current.table(app, model).map(t -> viewedTables.contains(t.qualifiedName())).orElse(false);
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
