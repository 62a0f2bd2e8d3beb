package dev.keel.operations;

/**
 * Runs Java code of the migration class: {@code forward} and {@code reverse} name methods of the
 * migration that take a migration context. A null reverse makes the operation irreversible; the
 * state does not change. {@code touches} says which tables (or which database) the code works on;
 * a project with several databases needs it ({@code runJava("backfill").touches("post")}), and null
 * leaves it undeclared.
 */
public record RunJava(String forward, String reverse, Touches touches) implements Operation {
    public RunJava {
        Ops.require(forward, "forward method");
        if (reverse != null && reverse.isBlank()) {
            throw new IllegalArgumentException("reverse method must be null (irreversible) or a method name");
        }
    }

    /** Code that does not declare what it touches. */
    public RunJava(String forward, String reverse) {
        this(forward, reverse, null);
    }

    /** This code, declared to work on these tables (physical names, as the state knows them at this migration). */
    public RunJava touches(String... tables) {
        return new RunJava(forward, reverse, Touches.tables(tables));
    }

    /** This code, declared to run in the database {@code name} of {@code keel.json}. */
    public RunJava database(String name) {
        return new RunJava(forward, reverse, Touches.database(name));
    }

    @Override public String describe() { return "Run Java " + forward + "()"; }
    @Override public String nameFragment() { return Ops.snake(forward); }
    @Override public boolean reversible() { return reverse != null; }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
