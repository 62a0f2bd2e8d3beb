package dev.keel.operations;

import java.util.List;

/**
 * What hand-written code ({@code RunSql}, {@code RunJava}) says it works on, so that a project with
 * several databases runs it in the right one: the tables it reads or writes (by physical name, as the
 * migration's state knows them), or the database itself. Exactly one of the two is given.
 *
 * <pre>{@code
 * runSql("UPDATE post SET slug = lower(title)", RunSql.NOOP).touches("post")
 * runJava("backfill").database("control")
 * }</pre>
 */
public record Touches(List<String> tables, String database) {
    public Touches {
        tables = tables == null ? List.of() : List.copyOf(tables);
        if (tables.isEmpty() == (database == null || database.isBlank())) {
            throw new IllegalArgumentException("say either the tables the code touches or its database, not "
                    + (tables.isEmpty() ? "neither" : "both"));
        }
        for (String t : tables) {
            Ops.require(t, "table name");
        }
    }

    /** The code touches these tables. */
    public static Touches tables(String... names) {
        return new Touches(List.of(names), null);
    }

    /** The code runs in this database of {@code keel.json}. */
    public static Touches database(String name) {
        return new Touches(List.of(), name);
    }

    /** {@code tables post, comment} or {@code database control}, for messages. */
    public String describe() {
        return database != null ? "database " + database : (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables);
    }
}
