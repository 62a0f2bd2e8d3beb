package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationContext;
import dev.keel.migration.MigrationSpec;

/** Runs the Java methods of migrations ({@code RunJava}): where the runner finds migration code. */
@FunctionalInterface
public interface JavaCode {
    /**
     * Calls {@code method(MigrationContext)} of the class of {@code migration}.
     *
     * @throws Exception whatever the method throws; the runner reports it with the migration's name
     */
    void run(MigrationSpec migration, String method, MigrationContext context) throws Exception;

    /**
     * Gets ready to run the methods of {@code migrations} (compiles them, checks the methods exist),
     * so that a problem shows before the first migration runs. Does nothing by default.
     *
     * @throws dev.keel.error.KeelException naming every migration whose code is not ready
     */
    default void prepare(java.util.Collection<MethodCall> calls) {}

    /** A {@code RunJava} method a plan will call. */
    record MethodCall(MigrationSpec migration, String method) {}

    /** Code for migrations built without classes (tests): every {@code RunJava} is refused. */
    static JavaCode none() {
        return (migration, method, context) -> {
            throw new KeelException(ErrorKind.USAGE, "migration " + migration.key() + ": RunJava " + method
                    + "() cannot run: this migration has no class to call it on (it was built in code).\n"
                    + "To fix: give the runner the project's migration sources.");
        };
    }
}
