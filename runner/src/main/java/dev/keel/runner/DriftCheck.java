package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.catalog.CatalogProblems;
import dev.keel.runner.catalog.PendingViews;
import dev.keel.runner.catalog.SyncTriggers;
import dev.keel.runner.catalog.ScratchSchemas;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code keel check-db}: compares what a live database holds with what its applied migrations say it
 * holds (the tables and sequences routed to it), and lists every difference: tables, columns,
 * primary keys, foreign keys, unique and check constraints, indexes, sequences, comments; and what is
 * half-done on the tables they manage ({@link CatalogProblems}): invalid indexes (a concurrent build
 * that failed, or one running right now) and constraints left NOT VALID that the migrations validated.
 *
 * <p>The expected catalog is built on the database itself, in scratch schemas (one for the default
 * schema and one for each other schema the state uses, {@link ScratchSchemas}) inside a transaction
 * that is rolled back, so that every expression is printed by PostgreSQL as the live one is; nothing
 * is left behind. When the scratch schemas cannot be created (no CREATE privilege on the database),
 * the expected catalog is read from the state directly, with expressions compared after
 * normalisation, and the report says so ({@code exact} false).
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
            Catalog want = scratch(expected, c);
            boolean exact = want != null;
            if (want == null) {
                want = Catalog.fromState(expected);
            }
            Catalog planned = planned(migrator, want);
            List<CatalogProblems.Problem> problems = CatalogProblems.of(want, planned, live);
            var differences = new java.util.ArrayList<>(CatalogDiff.compare(want, CatalogProblems.withoutProblems(want, live)));
            differences.addAll(SyncTriggers.differences(expected, c));
            differences.addAll(PendingViews.differences(expected, c));
            differences.sort(null);
            return new Report(migrator.databaseName(), applied, exact, differences, problems);
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

    /**
     * Builds the state in scratch schemas (one for the default schema, one for each other schema the
     * state uses), reads it back as the catalog of the real schemas, and rolls everything back; null
     * when the scratch schemas cannot be created.
     */
    private static Catalog scratch(ProjectState state, Connection c) throws SQLException {
        String prefix = "keel_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ScratchSchemas scratch = ScratchSchemas.of(state, prefix);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
            try {
                for (String schema : scratch.schemas()) {
                    st.execute("CREATE SCHEMA " + schema);
                }
            } catch (SQLException e) {
                c.rollback();
                return null;
            }
            // the real default schema after the scratch one: a type the state does not create (an enum type made by
            // hand that a columnDefinition names, an extension's citext) resolves there, as in the real schema
            String real = Catalog.currentSchema(c);
            st.execute("SET LOCAL search_path TO " + scratch.defaultSchema() + ", "
                    + dev.keel.runner.sql.Identifiers.quote(real));
            for (String sql : scratch.createSql(state)) {
                st.execute(sql);
            }
            return scratch.back(Catalog.read(c, scratch.defaultSchema(), Set.of(Catalog.HISTORY_TABLE)));
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }
}
