package dev.keel.runner.catalog;

import dev.keel.project.ProjectState;
import dev.keel.runner.sql.OperationSql;
import dev.keel.state.Identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a PostgreSQL schema holds, in a form two sources can be compared in: tables (columns, keys,
 * foreign keys, uniques, checks, indexes that back no constraint, comments) and sequences (other
 * than identity columns' own). Tables in the default schema ({@code public}) are named bare, others
 * {@code schema.name}. Compare two catalogs with {@link CatalogDiff}.
 *
 * <p>Three ways to get one:
 * <ul>
 *   <li>{@link #read(Connection)}: from a live database.</li>
 *   <li>{@link #fromState(ProjectState)}: what keel's state says the database holds, without a
 *       database. Expressions (defaults, checks, index expressions, partial-index predicates) are as
 *       the migrations wrote them; {@link CatalogDiff} compares them after a light normalisation
 *       (case, spacing, casts, redundant parentheses), which suffices for simple expressions but not
 *       for ones PostgreSQL rewrites ({@code x IN ('a','b')} becomes {@code x = ANY (ARRAY[...])}).</li>
 *   <li>{@link #roundTrip(ProjectState, Connection)}: builds the state on an empty scratch database
 *       and reads it back, so every expression is as PostgreSQL prints it. Use this to compare a state
 *       with a live database (or with Hibernate's export) when expressions matter.</li>
 * </ul>
 *
 * @param tables    the tables by name
 * @param sequences the sequences by name
 */
public record Catalog(SortedMap<String, TableDef> tables, SortedMap<String, SequenceDef> sequences) {

    /** The table keel's runner keeps its history in, which {@link #read(Connection)} leaves out. */
    public static final String HISTORY_TABLE = "keel_migrations";
    /** The table where batched walks of data migrations keep their progress, which {@link #read(Connection)} leaves out too. */
    public static final String BACKFILL_TABLE = "keel_backfill";

    public Catalog {
        tables = frozen(tables);
        sequences = frozen(sequences);
    }

    /**
     * Reads the catalog of every user schema of the database, leaving out keel's own tables; the tables of the
     * connection's current schema ({@link #currentSchema}) are named without it, as keel's state names the tables
     * of the default schema.
     */
    public static Catalog read(Connection connection) throws SQLException {
        return read(connection, currentSchema(connection), Set.of(HISTORY_TABLE, BACKFILL_TABLE));
    }

    /**
     * The schema unqualified names mean on {@code connection}: the first schema of its search path that exists
     * ({@code current_schema()}: {@code public} unless the URL's {@code currentSchema}, the role or the database
     * sets another, as an application whose Hibernate has {@code hibernate.default_schema} connects), else
     * {@code public}.
     */
    public static String currentSchema(Connection connection) throws SQLException {
        try (var st = connection.createStatement(); var r = st.executeQuery("SELECT current_schema()")) {
            String schema = r.next() ? r.getString(1) : null;
            return schema == null ? "public" : schema;
        }
    }

    /**
     * Reads the catalog of every user schema of the database.
     *
     * @param defaultSchema  the schema whose tables are named without a schema
     * @param excludedTables tables to leave out, named as the catalog names them
     */
    public static Catalog read(Connection connection, String defaultSchema, Set<String> excludedTables) throws SQLException {
        return new CatalogReader(connection, defaultSchema, excludedTables).read();
    }

    /** What {@code state} says the database holds, pending tables and columns included. No I/O. */
    public static Catalog fromState(ProjectState state) {
        return StateCatalog.of(state);
    }

    /**
     * Builds {@code state} on {@code emptyDatabase} with {@link OperationSql#createAll} and reads it
     * back: the catalog with every expression as PostgreSQL prints it.
     *
     * @param emptyDatabase a connection to a database with nothing in it, which this fills
     */
    public static Catalog roundTrip(ProjectState state, Connection emptyDatabase) throws SQLException {
        try (var st = emptyDatabase.createStatement()) {
            for (String sql : OperationSql.createAll(state)) {
                st.execute(sql);
            }
        }
        return read(emptyDatabase);
    }

    /** The table with this name, if the catalog has it. */
    public Optional<TableDef> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    static <V> SortedMap<String, V> frozen(SortedMap<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(map)));
    }

    static <V> SortedMap<String, V> byName(Collection<V> values, Function<V, String> name) {
        var map = new TreeMap<String, V>();
        values.forEach(v -> map.put(name.apply(v), v));
        return map;
    }

    /** A table. Indexes are those that back no primary key or unique constraint. */
    public record TableDef(String name, SortedMap<String, ColumnDef> columns, KeyDef primaryKey,
                           SortedMap<String, ForeignKeyDef> foreignKeys, SortedMap<String, UniqueDef> uniques,
                           SortedMap<String, CheckDef> checks, SortedMap<String, IndexDef> indexes, String comment) {
        public TableDef {
            Objects.requireNonNull(name, "name");
            columns = frozen(columns);
            foreignKeys = frozen(foreignKeys);
            uniques = frozen(uniques);
            checks = frozen(checks);
            indexes = frozen(indexes);
        }
    }

    /**
     * A column: {@code type} in {@link dev.keel.state.PgTypes#canonical} spelling, {@code defaultSql}
     * as its source wrote it (null for none), {@code generated} a stored generated column's expression (null for an
     * ordinary column).
     */
    public record ColumnDef(String name, String type, boolean notNull, String defaultSql, Identity identity, String comment,
                            String generated) {
        public ColumnDef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            identity = identity == null ? Identity.NONE : identity;
        }

        /** An ordinary (not generated) column. */
        public ColumnDef(String name, String type, boolean notNull, String defaultSql, Identity identity, String comment) {
            this(name, type, notNull, defaultSql, identity, comment, null);
        }
    }

    /** A primary key. */
    public record KeyDef(String name, List<String> columns) {
        public KeyDef {
            columns = List.copyOf(columns);
        }
    }

    /** A foreign key constraint; {@code onDelete} is {@code NO ACTION}, {@code CASCADE}, {@code SET NULL}... */
    public record ForeignKeyDef(String name, List<String> columns, String targetTable, List<String> targetColumns,
                                String onDelete, boolean validated) {
        public ForeignKeyDef {
            columns = List.copyOf(columns);
            targetColumns = List.copyOf(targetColumns);
        }
    }

    /** A unique constraint. */
    public record UniqueDef(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
        public UniqueDef {
            columns = List.copyOf(columns);
        }
    }

    /** A check constraint; {@code expression} without the {@code CHECK} keyword. */
    public record CheckDef(String name, String expression, boolean validated) {}

    /**
     * An index. Each element is a column name or an expression, then a non-default operator class,
     * then {@code DESC} and a non-default {@code NULLS FIRST}/{@code NULLS LAST}.
     *
     * @param valid whether queries can use it ({@code pg_index.indisvalid}); false after a concurrent build
     *              or reindex that failed or was cancelled, and while one runs
     * @param ready whether writes keep it up to date ({@code pg_index.indisready})
     * @param build the concurrent build running on it right now in another session, or null
     */
    public record IndexDef(String name, List<String> elements, boolean unique, String method, String where,
                           boolean valid, boolean ready, Build build) {
        public IndexDef {
            elements = List.copyOf(elements);
        }

        /** A valid index, as migrations build it. */
        public IndexDef(String name, List<String> elements, boolean unique, String method, String where) {
            this(name, elements, unique, method, where, true, true, null);
        }
    }

    /**
     * A {@code CREATE INDEX CONCURRENTLY} or {@code REINDEX ... CONCURRENTLY} in progress, as
     * {@code pg_stat_progress_create_index} shows it.
     *
     * @param pid     the backend that runs it
     * @param command {@code CREATE INDEX CONCURRENTLY} or {@code REINDEX CONCURRENTLY}
     * @param phase   its phase ({@code building index: scanning table}, {@code waiting for writers before build}...)
     */
    public record Build(int pid, String command, String phase) {}

    /** A sequence. */
    public record SequenceDef(String name, long start, long increment) {}
}
