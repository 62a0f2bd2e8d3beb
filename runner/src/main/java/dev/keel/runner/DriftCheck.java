package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.catalog.CatalogProblems;
import dev.keel.runner.sql.OperationSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code keel check-db}: compares what a live database holds with what its applied migrations say it
 * holds (the tables and sequences routed to it), and lists every difference: tables, columns,
 * primary keys, foreign keys, unique and check constraints, indexes, sequences, comments; and what is
 * half-done on the tables they manage ({@link CatalogProblems}): invalid indexes (a concurrent build
 * that failed, or one running right now) and constraints left NOT VALID that the migrations validated.
 *
 * <p>The expected catalog is built on the database itself, in a scratch schema inside a transaction
 * that is rolled back, so that every expression is printed by PostgreSQL as the live one is; nothing
 * is left behind. When the state uses other schemas than the default one (or the scratch schema cannot
 * be created), the expected catalog is read from the state directly, with expressions compared after
 * normalisation.
 */
public final class DriftCheck {
    /**
     * The outcome.
     *
     * @param database    the name of the database of {@code keel.json}
     * @param applied     how many migrations are applied there
     * @param exact       whether expressions were compared as PostgreSQL prints them (scratch schema)
     * @param differences each difference, {@code expected vs actual}: {@code table post: column slug missing}
     * @param problems    what is half-done on the tables the migrations manage: invalid indexes, indexes
     *                    being built right now, constraints left NOT VALID that the migrations validated
     *                    ({@link CatalogProblems}); none of these is also listed in {@code differences}
     */
    public record Report(String database, int applied, boolean exact, List<String> differences,
                         List<CatalogProblems.Problem> problems) {
        public Report {
            differences = List.copyOf(differences);
            problems = List.copyOf(problems);
        }

        /** Whether the database holds exactly what its migrations say, with every index valid and constraint validated as they say. */
        public boolean clean() {
            return differences.isEmpty() && problems.isEmpty();
        }
    }

    private DriftCheck() {}

    /**
     * Checks the database {@code migrator} is connected to.
     *
     * @throws KeelException of kind DATABASE when the catalog cannot be read, INCONSISTENT_HISTORY when
     *                       the history names migrations the project does not have
     */
    public static Report check(Migrator migrator) {
        ProjectState expected = migrator.appliedState();
        int applied = (int) migrator.status().migrations().stream()
                .filter(s -> s.mark() == MigrationStatus.Mark.APPLIED).count();
        Connection c = migrator.connection();
        try {
            Catalog live = Catalog.read(c);
            Catalog want = scratchable(expected) ? scratch(expected, c) : null;
            boolean exact = want != null;
            if (want == null) {
                want = Catalog.fromState(expected);
            }
            Catalog planned = planned(migrator, want);
            List<CatalogProblems.Problem> problems = CatalogProblems.of(want, planned, live);
            return new Report(migrator.databaseName(), applied, exact,
                    CatalogDiff.compare(want, CatalogProblems.withoutProblems(want, live)), problems);
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, "cannot read the catalog of the database: " + e.getMessage()
                    + "\nTo fix: check the connection, and that the user may read pg_catalog.", e);
        }
    }

    /**
     * What every migration builds, applied or not; {@code applied} when the pending migrations do not
     * replay (their error is for migrate to report, not for the check).
     */
    private static Catalog planned(Migrator migrator, Catalog applied) {
        try {
            return Catalog.fromState(migrator.latestState());
        } catch (KeelException e) {
            return applied;
        }
    }

    /** Whether every table and sequence of the state is in the default schema. */
    private static boolean scratchable(ProjectState state) {
        return state.tables().stream().allMatch(t -> t.schema() == null)
                && state.pending().stream().allMatch(p -> !p.table().contains("."))
                && state.sequences().stream().allMatch(s -> !s.name().contains("."));
    }

    /** Builds the state in a scratch schema, reads it back, and rolls everything back; null when it cannot. */
    private static Catalog scratch(ProjectState state, Connection c) throws SQLException {
        String schema = "keel_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
            try {
                st.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                c.rollback();
                return null;
            }
            st.execute("SET LOCAL search_path TO " + schema);
            for (String sql : OperationSql.createAll(state)) {
                st.execute(sql);
            }
            Catalog all = Catalog.read(c, schema, Set.of(Catalog.HISTORY_TABLE));
            return new Catalog(bare(all.tables()), bare(all.sequences()));
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    /** The entries named without a schema: those of the scratch schema. */
    private static <V> SortedMap<String, V> bare(SortedMap<String, V> map) {
        var out = new TreeMap<String, V>();
        map.forEach((k, v) -> {
            if (!k.contains(".")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
