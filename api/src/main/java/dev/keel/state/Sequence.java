package dev.keel.state;

/**
 * A sequence, such as the {@code post_seq} that Hibernate uses for {@code GenerationType.SEQUENCE}.
 * {@code database} names the database of {@code keel.json} it lives in (that of the entity whose ids it
 * gives); null is the database named {@code default}.
 */
public record Sequence(String name, long start, long increment, String database) {
    public Sequence {
        Names.require(name, "sequence name");
        if (increment == 0) {
            throw new IllegalArgumentException("sequence " + name + " cannot increment by 0");
        }
        if (database != null && (database.isBlank() || database.equals(Table.DEFAULT_DATABASE))) {
            database = null;
        }
    }

    /** A sequence in the default database. */
    public Sequence(String name, long start, long increment) {
        this(name, start, increment, null);
    }

    public static Sequence of(String name) {
        return new Sequence(name, 1, 1, null);
    }

    public Sequence startWith(long value) {
        return new Sequence(name, value, increment, database);
    }

    public Sequence incrementBy(long value) {
        return new Sequence(name, start, value, database);
    }

    /** This sequence in the database {@code databaseName} of {@code keel.json}. */
    public Sequence database(String databaseName) {
        return new Sequence(name, start, increment, databaseName);
    }

    /** The name of the database it lives in: {@code database}, or {@code default}. */
    public String databaseName() {
        return database == null ? Table.DEFAULT_DATABASE : database;
    }
}
