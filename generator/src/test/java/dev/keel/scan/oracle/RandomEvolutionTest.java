package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;
import dev.keel.diff.FieldRef;
import dev.keel.diff.Questioner;
import dev.keel.make.EntitySource;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.ScannedProject;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.runner.Database;
import dev.keel.runner.DriftCheck;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.testing.TestPostgres;
import dev.keel.scan.EntityScanner;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.Index;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingSequence;
import dev.keel.state.PendingTable;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The whole loop on random projects, the way a team evolves a codebase: for each seed, {@link RandomModels}
 * writes version 1 and keel's {@code makemigrations} writes the initial migration, which {@code migrate} applies
 * to a fresh PostgreSQL database; then {@link RandomEdits} changes the entities K times, and after each edit:
 * <ol>
 *   <li>deploy: {@code makemigrations} non-interactively (the prompt's default for a NOT NULL field answered as a
 *       team types it, renames said with {@code @RenamedFrom}), then {@code migrate} and {@code migrate
 *       --post-deploy};</li>
 *   <li>checks: {@code makemigrations --check} finds nothing, the database's catalog equals the one Hibernate 6.6
 *       creates for the sources on a second database up to what keel keeps on purpose while a change is pending
 *       ({@link #withoutPending}: pending columns, tables and sequences and what keel keeps with them), and
 *       {@code check-db} ({@link DriftCheck}) finds no drift;</li>
 *   <li>the next deploy's contract: {@code makemigrations --delete-pending}, {@code migrate --post-deploy}, and the
 *       same checks with nothing pending left.</li>
 * </ol>
 * The seeds are {@code keel.evolve.first} (1) to {@code first + keel.evolve.seeds - 1} (5 seeds), with
 * {@code keel.evolve.edits} (4) edits each. A failing seed's project (sources, migrations and {@code EDITS.txt},
 * the edits made) is kept in {@code target/random-evolution/seed-N}; {@code -Dkeel.evolve.keep=DIR} keeps every
 * project in {@code DIR}.
 */
class RandomEvolutionTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> evolveRandomProjects() {
        long first = Long.getLong("keel.evolve.first", 1);
        long seeds = Long.getLong("keel.evolve.seeds", 5);
        int edits = Integer.getInteger("keel.evolve.edits", 4);
        String keep = System.getProperty("keel.evolve.keep", "");
        return LongStream.range(first, first + seeds).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Path project = keep.isBlank() ? work.resolve("seed-" + seed) : Path.of(keep).resolve("seed-" + seed);
            var log = new ArrayList<String>();
            try {
                new Evolution(seed, project, log).run(edits);
            } catch (Throwable t) {
                Path kept = keep.isBlank() ? copy(project, Path.of("target/random-evolution/seed-" + seed)) : project;
                throw new AssertionError("seed " + seed + " failed after " + log + "\n(project, migrations and EDITS.txt kept in "
                        + kept.toAbsolutePath() + "; rerun with -Dkeel.evolve.first=" + seed + " -Dkeel.evolve.seeds=1"
                        + " -Dkeel.evolve.edits=" + edits + ")\n" + t.getMessage(), t);
            }
        }));
    }

    /** One seed's history: the project, its database, and the edits made so far. */
    private final class Evolution {
        final long seed;
        final Path project;
        final List<String> log;
        KeelConfig config;
        ProjectState applied = ProjectState.EMPTY;
        int rowsInserted;

        Evolution(long seed, Path project, List<String> log) {
            this.seed = seed;
            this.project = project;
            this.log = log;
        }

        void run(int edits) throws Exception {
            RandomModels.write(seed, project);
            config = KeelConfig.read(project);
            try (var db = TestPostgres.freshDatabase()) {
                var database = new Database(db.url(), db.user(), db.password(), null, "check the test server.");
                MakeResult initial = make(options(false, false));
                if (initial.migrations().isEmpty()) {
                    throw new AssertionError("version 1 gives no initial migration");
                }
                log.add("v1");
                deploy(database, "v1", false);
                seedRows(database, 0);
                RandomEdits random = new RandomEdits(seed, project);
                for (int k = 1; k <= edits; k++) {
                    String edit = random.next();
                    log.add(edit);
                    Files.write(project.resolve("EDITS.txt"), log);
                    teamDataMigrations(database);
                    deploy(database, edit, false);
                    deploy(database, edit + ", contract", true);
                    seedRows(database, k);
                }
                if (rowsInserted == 0) {
                    throw new AssertionError("no row could be inserted into any table: the migrations ran on empty tables only");
                }
            }
        }

        /**
         * makemigrations (with {@code --delete-pending} for the contract) until it writes nothing, each migration
         * applied with its post-deployment part; then the checks.
         */
        private void deploy(Database database, String step, boolean contract) throws Exception {
            applied = null;
            for (int round = 0; applied == null; round++) {
                MakeResult made = make(options(false, contract));
                if (round > 2) {
                    throw new AssertionError(step + ": makemigrations still writes migrations after 3 runs: "
                            + made.migrations().stream().map(m -> m.file().getFileName().toString()).toList());
                }
                try (Migrator m = Migrator.connect(MigrationSet.read(config, project), database, RunnerSettings.defaults(),
                        MigrateListener.silent())) {
                    m.migrate(MigrateRequest.all());
                    m.migrate(MigrateRequest.all().withPostDeploy());
                    if (made.migrations().isEmpty()) {
                        applied = m.appliedState();
                        // (c) check-db: the live catalog is what the applied migrations build
                        DriftCheck.Report drift = DriftCheck.check(m);
                        if (!drift.clean()) {
                            throw new AssertionError(step + ": check-db reports drift: " + drift.differences() + " "
                                    + drift.problems());
                        }
                    }
                }
            }
            checkAgainstHibernate(database, applied, step, contract);
            // (a) makemigrations --check finds nothing more to write
            MakeResult check = make(new MakeOptions(List.of(), true, false, false, false, null, false, SafetyOptions.DEFAULT));
            if (!check.problems().isEmpty() || !check.migrations().isEmpty()) {
                throw new AssertionError(step + ": makemigrations --check after the deploy: " + check.problems());
            }
        }

        /** A few rows in every table, so that the next edit's migrations meet data (three per table and deploy). */
        private void seedRows(Database database, int deploy) throws Exception {
            try (Connection c = database.connect("keel evolution test")) {
                rowsInserted += new RandomRows(c, 1000 * (deploy + 1)).seed(Catalog.read(c), 3);
            }
        }

        /**
         * The data migrations a team deploys before a column gets a unique key (its values made distinct) and before
         * it becomes NOT NULL (docs/safety.md: "Making a nullable column
         * NOT NULL asks for no value ... validation fails on existing NULLs until a data migration fills them").
         */
        private void teamDataMigrations(Database database) throws Exception {
            ProjectState target = EntityScanner.scan(project, config);
            try (Connection c = database.connect("keel evolution test")) {
                var rows = new RandomRows(c, 0);
                for (Table t : target.tables()) {
                    Optional<Table> before = applied.tableNamed(t.qualifiedName());
                    for (Column col : t.columns()) {
                        Optional<Column> was = before.flatMap(b -> b.findColumn(col.name()));
                        if (col.notNull() && was.isPresent() && !was.get().notNull()) {
                            rows.fillNulls(t.qualifiedName(), col.name(), was.get().type());
                        }
                        boolean unique = t.constraints().stream().anyMatch(k -> k instanceof UniqueConstraint u
                                && u.columns().equals(List.of(col.name())));
                        boolean wasUnique = before.map(b -> b.constraints().stream().anyMatch(k -> k instanceof UniqueConstraint u
                                && u.columns().equals(List.of(col.name())))).orElse(true);
                        if (unique && !wasUnique && was.isPresent()) {
                            rows.makeDistinct(t.qualifiedName(), col.name(), was.get().type());
                        }
                    }
                }
            }
        }

        /** (b) the database keel's migrations built against the one Hibernate 6.6 creates for the sources. */
        private void checkAgainstHibernate(Database database, ProjectState applied, String step, boolean contract) throws Exception {
            if (contract && !applied.pending().isEmpty()) {
                throw new AssertionError(step + ": after makemigrations --delete-pending and migrate, still pending: " + applied.pending());
            }
            Catalog hibernate;
            try (var db = TestPostgres.freshDatabase()) {
                HibernateOracle.createSchema(project, config, Files.createTempDirectory(work, "hibernate"), db.url(), db.user(),
                        db.password());
                try (Connection c = db.connect()) {
                    hibernate = Catalog.read(c);
                }
            }
            Catalog keel;
            try (Connection c = database.connect("keel evolution test")) {
                keel = withoutPending(Catalog.read(c), applied);
            }
            CatalogDiff.Result result = intended(applied).diff(hibernate, keel);
            if (!result.differences().isEmpty()) {
                throw new AssertionError(step + ": Hibernate's schema (expected) vs keel's migrations (actual):\n  "
                        + String.join("\n  ", result.differences()));
            }
        }

        private MakeResult make(MakeOptions options) {
            EntitySource entities = (c, d) -> {
                EntityScanner.Scan scan = EntityScanner.scanWithHints(d, c);
                return new ScannedProject(scan.state(), scan.hints());
            };
            return new MakeMigrations(entities, new TeamQuestioner()).run(config, project, options);
        }
    }

    private static MakeOptions options(boolean check, boolean deletePending) {
        return new MakeOptions(List.of(), check, false, false, false, null, deletePending, SafetyOptions.DEFAULT);
    }

    /**
     * What a team answers where keel asks: a constant of the column's type as the default of a NOT NULL field added
     * to a table (README: "at a terminal the value you type when keel asks"); no likely rename is one (the edits
     * say their renames with {@code @RenamedFrom}), as {@code --not-renamed} says.
     */
    private static final class TeamQuestioner implements Questioner {
        @Override
        public Optional<String> defaultForNotNullAdd(FieldRef field, Column column) {
            return Optional.of(RandomEdits.defaultFor(column.type()));
        }

        @Override
        public boolean isRename(FieldRef removed, FieldRef added) {
            return false;
        }

        @Override
        public boolean isModelRename(String app, String removedModel, String addedModel) {
            return false;
        }
    }

    /**
     * The differences keel makes on purpose, each where it is documented: a default typed at the prompt for a NOT
     * NULL field stays the column's database default (README, "The default stays in the database": the code still
     * running during the deploy inserts without the column), which Hibernate does not export.
     */
    static CatalogDiff intended(ProjectState applied) {
        CatalogDiff diff = CatalogDiff.strict();
        for (Table t : applied.tables()) {
            for (Column c : t.columns()) {
                if (c.defaultKept()) {
                    diff = diff.allowing("table " + t.qualifiedName() + ": column " + c.name() + ": default none vs *",
                            "the value typed at the prompt stays the database default (README)");
                }
            }
        }
        return diff;
    }

    /**
     * The catalog without what keel keeps in the database on purpose while a two-phase change is pending
     * (README "Removing a field instead writes its two-phase form ... pending, until a later makemigrations
     * --delete-pending", and "Known limits": a renamed column's old column keeps its indexes and constraints until
     * --delete-pending): each pending table and sequence, and each pending column with the indexes and constraints
     * kept with it. Nothing else is left out.
     */
    static Catalog withoutPending(Catalog catalog, ProjectState applied) {
        var tables = new TreeMap<>(catalog.tables());
        var sequences = new TreeMap<>(catalog.sequences());
        for (PendingDeletion p : applied.pending()) {
            if (p instanceof PendingTable t) {
                tables.remove(t.definition().qualifiedName());
            } else if (p instanceof PendingSequence s) {
                sequences.remove(s.sequence().name());
            } else if (p instanceof PendingColumn c) {
                Catalog.TableDef t = tables.get(c.table());
                if (t == null) {
                    continue;
                }
                Set<String> kept = Stream.concat(c.indexes().stream().map(Index::name), c.constraints().stream().map(Constraint::name))
                        .collect(Collectors.toSet());
                var columns = new TreeMap<>(t.columns());
                columns.remove(c.column().name());
                var fks = new TreeMap<>(t.foreignKeys());
                var uniques = new TreeMap<>(t.uniques());
                var checks = new TreeMap<>(t.checks());
                var indexes = new TreeMap<>(t.indexes());
                kept.forEach(name -> {
                    fks.remove(name);
                    uniques.remove(name);
                    checks.remove(name);
                    indexes.remove(name);
                });
                tables.put(c.table(), new Catalog.TableDef(t.name(), columns, t.primaryKey(), fks, uniques, checks, indexes, t.comment()));
            }
        }
        return new Catalog(tables, sequences);
    }

    private static Path copy(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> walk = Files.walk(to)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return to;
        } catch (IOException e) {
            return from;
        }
    }
}
