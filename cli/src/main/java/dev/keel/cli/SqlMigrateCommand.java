package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.diagram.SchemaDiagram;
import dev.keel.graph.MigrationGraph;
import dev.keel.project.ProjectState;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.lint.Finding;
import dev.keel.lint.LintReport;
import dev.keel.lint.Linter;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.SqlMigrate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keel sqlmigrate}: the SQL of one migration, or the review report of a branch's new migrations, without a database. */
@Command(name = "sqlmigrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the SQL that keel migrate runs for one migration, without connecting to a database:"
                + " the timeouts, BEGIN/COMMIT around an atomic migration, and each statement of a non-atomic one"
                + " numbered, in the form that is safe to run again.",
                "With --changed-since REV, instead: a review report of every migration file added since the git"
                + " revision REV (committed or not): its operations, its SQL, its phase (deploy or post-deployment)"
                + " and what keel lint finds in it. With --format markdown it is ready to post on a pull request."
                + " The report exits 0 whatever lint finds; keel lint is the gate."})
final class SqlMigrateCommand implements Callable<Integer> {
    /** The report's formats. */
    enum Format { text, markdown }

    @Mixin ProjectMixin project;
    @Mixin MigrationsMixin migrationsFrom;

    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", description = "The app (a label from keel.json).")
    String app;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "The migration: its name or a unique prefix (0002).")
    String name;

    @Option(names = "--backwards", description = "The SQL that unapplies it instead.")
    boolean backwards;

    @Option(names = "--database", paramLabel = "DATABASE",
            description = "With several databases in keel.json: the SQL keel runs on this one (default: default);"
                    + " the operations routed to other databases are listed as comments.")
    String database;

    @Option(names = "--changed-since", paramLabel = "REV",
            description = "Report every migration added since the git revision REV (origin/main, a tag, a commit).")
    String changedSince;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "The report's format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        if (changedSince != null) {
            if (app != null || backwards) {
                throw new KeelException(ErrorKind.USAGE, "--changed-since reports every new migration; it takes no APP,"
                        + " NAME or --backwards.\nTo fix: keel sqlmigrate --changed-since " + changedSince
                        + ", or keel sqlmigrate APP NAME.");
            }
            if (migrationsFrom.fromClasses(project)) {
                throw new KeelException(ErrorKind.USAGE, "--changed-since reports the migration files added on a branch,"
                        + " so it reads the sources.\nTo fix: leave out --classpath, or add --sources when keel.json sets"
                        + " migrations.classpath.");
            }
            ReviewReport report = report(config, changedSince);
            project.out().print(format == Format.markdown ? report.markdown() : report.text());
            project.out().flush();
            return 0;
        }
        if (format != Format.text) {
            throw new KeelException(ErrorKind.USAGE, "--format chooses the form of the --changed-since report; the SQL"
                    + " of one migration is plain SQL.\nTo fix: add --changed-since REV, or leave out --format.");
        }
        if (app == null || name == null) {
            throw new KeelException(ErrorKind.USAGE, "sqlmigrate needs APP and NAME (keel sqlmigrate blog 0002),"
                    + " or --changed-since REV for the report of a branch's new migrations.");
        }
        config.requireApp(app);
        String db = database != null ? database
                : config.hasDatabase(KeelConfig.DEFAULT_DATABASE) ? KeelConfig.DEFAULT_DATABASE : null;
        if (db == null) {
            throw new KeelException(ErrorKind.USAGE, "keel.json names no database \""
                    + KeelConfig.DEFAULT_DATABASE + "\", so sqlmigrate needs --database NAME. Databases: "
                    + config.databaseNames() + "\nTo fix: add --database with one of those names.");
        }
        project.out().print(SqlMigrate.sql(migrationsFrom.migrations(project),
                RunnerSettings.of(config, db), app, name, backwards,
                DatabaseMixin.router(config), db));
        project.out().flush();
        return 0;
    }

    private ReviewReport report(KeelConfig config, String rev) {
        Path dir = project.projectDir();
        List<Path> added = Git.addedMigrationFiles(dir, rev, "sqlmigrate --changed-since");
        MigrationSet set = migrationsFrom.migrations(project);
        RunnerSettings settings = config.hasDatabase(KeelConfig.DEFAULT_DATABASE)
                ? RunnerSettings.of(config, KeelConfig.DEFAULT_DATABASE) : RunnerSettings.of(config.database());
        Map<Path, MigrationSpec> byFile = new HashMap<>();
        for (MigrationSpec s : set.specs().values()) {
            if (s.origin() != null) {
                byFile.put(Path.of(s.origin()).toAbsolutePath().normalize(), s);
            }
        }
        var files = new ArrayList<Path>();
        var specs = new ArrayList<MigrationSpec>();
        for (Path f : added) {
            MigrationSpec spec = byFile.get(dir.resolve(f).toAbsolutePath().normalize());
            if (spec != null) { // a migration file outside every app's migrations folder is not the project's
                files.add(f);
                specs.add(spec);
            }
        }
        LintReport lint = files.isEmpty() ? new LintReport(0, List.of(), List.of())
                : new Linter().lint(config, dir, files);
        var entries = new ArrayList<ReviewReport.Entry>();
        for (int i = 0; i < specs.size(); i++) {
            MigrationSpec spec = specs.get(i);
            String file = files.get(i).toString().replace('\\', '/');
            List<Finding> findings = lint.findings().stream().filter(f -> samePath(f.file(), file)).toList();
            List<String> allowed = lint.allowed().stream().filter(a -> samePath(a.finding().file(), file))
                    .map(a -> a.finding().rule() + " (line " + a.finding().line() + "): " + a.reason()).toList();
            String sql = withoutOrigin(SqlMigrate.sql(set, settings, spec.app(), spec.name(), false), spec);
            entries.add(new ReviewReport.Entry(spec, file, sql, findings, allowed));
        }
        entries.sort(Comparator.comparing(e -> e.spec().key()));
        return new ReviewReport(rev, entries, changedTables(set, specs));
    }

    /** The tables the new migrations change, marked against the schema the other migrations build. */
    private static SchemaDiagram changedTables(MigrationSet set, List<MigrationSpec> added) {
        if (added.isEmpty()) {
            return new SchemaDiagram(List.of(), List.of());
        }
        var keys = new java.util.HashSet<dev.keel.migration.MigrationKey>();
        added.forEach(s -> keys.add(s.key()));
        MigrationGraph graph = set.graph(java.util.Set.of());
        ProjectState before;
        try { // the project without the branch's files (a squash the branch adds: the migrations it replaces)
            before = MigrationGraph.of(set.specs().values().stream().filter(s -> !keys.contains(s.key())).toList())
                    .latestState();
        } catch (KeelException e) { // the branch also deleted files the others need: the others the graph still has
            before = graph.stateAt(graph.migrations().stream().map(MigrationSpec::key).filter(k -> !keys.contains(k))
                    .toList());
        }
        return SchemaDiagram.changes(before, graph.latestState());
    }

    /** The SQL without its first comment, which names the file by its absolute path (the report names it once, relative). */
    private static String withoutOrigin(String sql, MigrationSpec spec) {
        String first = "-- " + spec.key() + ", forwards";
        return sql.startsWith(first) ? sql.substring(sql.indexOf('\n') + 1) : sql;
    }

    private static boolean samePath(String a, String b) {
        return Path.of(a).normalize().equals(Path.of(b).normalize());
    }
}
