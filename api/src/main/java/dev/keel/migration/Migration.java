package dev.keel.migration;

import dev.keel.operations.Operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The class every migration file extends. A migration declares itself in {@link #define()}:
 *
 * <pre>{@code
 * public final class M0002_add_post_slug extends Migration {
 *     @Override protected void define() {
 *         dependsOn("blog", "0001_initial");
 *         operations(
 *             addField("post", "slug", column("slug", "varchar(200)").nullable()));
 *     }
 * }
 * }</pre>
 *
 * The operation factories ({@code addField}, {@code column}...) come from {@link Operations}, with
 * {@code import static dev.keel.migration.Operations.*;}. Keep {@code define()} to literals,
 * constants of the same file and those factories: keel reads it from source without compiling.
 */
public abstract class Migration {
    private final List<MigrationKey> dependencies = new ArrayList<>();
    private final List<MigrationKey> replaces = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();
    private boolean atomic = true;
    private boolean postDeployment;
    private boolean initial;

    /** Declares dependencies, operations and flags through the protected methods of this class. */
    protected abstract void define();

    /** Runs {@link #define()} on a fresh instance state and returns what it declared. */
    public final MigrationSpec spec(MigrationKey key, String origin) {
        reset();
        define();
        return new MigrationSpec(key, dependencies, operations, atomic, postDeployment, initial, replaces, origin);
    }

    private void reset() {
        dependencies.clear();
        replaces.clear();
        operations.clear();
        atomic = true;
        postDeployment = false;
        initial = false;
    }

    /** This migration runs after migration {@code name} of {@code app}. */
    protected final void dependsOn(String app, String name) {
        dependencies.add(new MigrationKey(app, name));
    }

    /** The operations of this migration, in order (may be called more than once; they add up). */
    protected final void operations(Operation... ops) {
        operations.addAll(Arrays.asList(ops));
    }

    /**
     * Whether the migration runs in one transaction (the default). A migration that builds indexes
     * concurrently must say {@code atomic(false)}; it is then written to be re-runnable.
     */
    protected final void atomic(boolean value) {
        atomic = value;
    }

    /** This migration runs in the post-deployment phase ({@code keel migrate --post-deploy}). */
    protected final void postDeployment() {
        postDeployment = true;
    }

    /** This is the first migration of its app. */
    protected final void initial() {
        initial = true;
    }

    /** This migration replaces migration {@code name} of {@code app} (a squash). */
    protected final void replaces(String app, String name) {
        replaces.add(new MigrationKey(app, name));
    }
}
