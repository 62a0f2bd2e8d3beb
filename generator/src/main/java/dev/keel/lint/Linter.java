package dev.keel.lint;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.load.SourceMigrationReader;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code keel lint}: checks migration files against {@link LintRules#ALL}. The project's migrations are
 * read and replayed, so each file is checked against the state its dependencies build (which tables
 * exist and hold rows, which columns are nullable). A file outside the project's migration folders is
 * checked against the state of the dependencies it declares. A plain SQL file (Flyway's, Liquibase's formatted
 * SQL; {@link SqlMigrationFile}) is checked as {@code RunSql} migrations against no state: every table it does not
 * create counts as existing, and it needs no {@code keel.json}; the files of one folder are read in the order the
 * tool runs them, and what the earlier ones declared (column types, validated NOT NULL checks) is known to the
 * later ones ({@link MigrationMemory#after}).
 */
public final class Linter {
    private final List<LintRule> rules;

    /** A linter with every rule. */
    public Linter() {
        this(LintRules.ALL);
    }

    /** A linter with these rules. */
    public Linter(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Lints the migration files under {@code paths} (files or folders); no path means every app's
     * migrations folder.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE when a migration cannot be read, USAGE for a missing path
     */
    public LintReport lint(KeelConfig config, Path projectDir, List<Path> paths) {
        List<Path> files = files(config, projectDir, paths);
        boolean javaFiles = files.stream().anyMatch(f -> !SqlMigrationFile.isSql(f));
        if (config == null && javaFiles) {
            throw new KeelException(ErrorKind.USAGE, "no keel.json in " + projectDir + ": keel lint reads Java migrations"
                    + " against the project's migration graph.\nTo fix: run it in the project folder (or -C DIR), or give"
                    + " it only plain SQL migration files (.sql), which need no project.");
        }
        MigrationGraph graph = javaFiles ? MigrationGraph.of(ProjectMigrations.readSources(config, projectDir)) : null;
        Map<Path, MigrationSpec> known = new HashMap<>();
        if (graph != null) {
            graph.migrations().forEach(s -> known.put(normal(Path.of(s.origin())), s));
        }
        var findings = new ArrayList<Finding>();
        var allowed = new ArrayList<Findings.Allowed>();
        int migrations = 0;
        Map<Path, MigrationMemory> sqlSoFar = new HashMap<>();
        for (Path file : files.stream().sorted(SqlMigrationFile.RUN_ORDER).toList()) {
            if (SqlMigrationFile.isSql(file)) {
                String app = config == null || config.apps().isEmpty() ? "sql" : config.apps().get(0).label();
                for (SqlMigrationFile.Unit unit : SqlMigrationFile.read(file, app)) {
                    var out = new Findings(display(projectDir, file), unit.source().allows());
                    MigrationMemory earlier = sqlSoFar.get(normal(file).getParent());
                    var memory = earlier == null ? new MigrationMemory()
                            : unit.continuesFile() ? MigrationMemory.laterInSameFile(earlier) : MigrationMemory.after(earlier);
                    var site = new MigrationSite(unit.spec(), unit.source(), ProjectState.EMPTY, List.of(), "", memory);
                    new MigrationLinter(rules).lint(site, out);
                    sqlSoFar.put(normal(file).getParent(), memory);
                    findings.addAll(out.found());
                    allowed.addAll(out.allowed());
                    migrations++;
                }
                continue;
            }
            MigrationSpec spec = known.containsKey(normal(file)) ? known.get(normal(file)) : readAlone(config, file);
            MigrationFile source = MigrationFile.parse(file);
            AppConfig app = config.app(spec.app()).orElse(null);
            var site = new MigrationSite(spec, source, before(graph, spec), appPackages(config, source),
                    app == null ? source.packageName() : app.migrationsPackage(), new MigrationMemory());
            var out = new Findings(display(projectDir, file), source.allows());
            new MigrationLinter(rules).lint(site, out);
            findings.addAll(out.found());
            allowed.addAll(out.allowed());
            migrations++;
        }
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line).thenComparing(Finding::rule));
        return new LintReport(migrations, findings, allowed);
    }

    /**
     * Lints one migration file against the state it meets ({@code before}), with this linter's rules: what
     * {@code makemigrations} uses on a migration it has just written, before it is part of the project.
     */
    public List<Finding> lintFile(KeelConfig config, Path file, MigrationSpec spec, ProjectState before) {
        MigrationFile source = MigrationFile.parse(file);
        AppConfig app = config.app(spec.app()).orElse(null);
        var site = new MigrationSite(spec, source, before, appPackages(config, source),
                app == null ? source.packageName() : app.migrationsPackage(), new MigrationMemory());
        var out = new Findings(file.toString(), source.allows());
        new MigrationLinter(rules).lint(site, out);
        return out.found();
    }

    /**
     * The state the migration's dependencies build: what it meets when it runs. A dependency on a migration
     * a squash replaced (its file perhaps deleted) is a dependency on the squash.
     */
    private static ProjectState before(MigrationGraph graph, MigrationSpec spec) {
        List<MigrationKey> deps = spec.dependencies().stream().flatMap(d -> graph.nodeFor(d).stream()).toList();
        return graph.stateAt(deps);
    }

    /** A migration file that is not one of the project's: its app is the one whose migrations package it declares. */
    private static MigrationSpec readAlone(KeelConfig config, Path file) {
        String pkg = MigrationFile.parse(file).packageName();
        String app = config.apps().stream().filter(a -> a.migrationsPackage().equals(pkg)).map(AppConfig::label)
                .findFirst().orElse(config.apps().get(0).label());
        return new SourceMigrationReader().read(file, app);
    }

    /** The packages of application code: every app's package, or the file's parent package when none matches. */
    private static List<String> appPackages(KeelConfig config, MigrationFile source) {
        var packages = new TreeSet<String>();
        config.apps().forEach(a -> packages.add(a.packageName()));
        String pkg = source.packageName();
        if (config.apps().stream().noneMatch(a -> a.migrationsPackage().equals(pkg)) && pkg.contains(".")) {
            packages.add(pkg.substring(0, pkg.lastIndexOf('.')));
        }
        return List.copyOf(packages);
    }

    private static List<Path> files(KeelConfig config, Path projectDir, List<Path> paths) {
        var files = new TreeSet<Path>();
        if (paths.isEmpty()) {
            if (config == null) {
                throw new KeelException(ErrorKind.USAGE, "keel lint was given nothing to read.\nTo fix: give it migration"
                        + " files or folders, or run it in a project folder with keel.json.");
            }
            for (AppConfig app : config.apps()) {
                files.addAll(ProjectMigrations.migrationFiles(config, projectDir, app));
            }
            return List.copyOf(files);
        }
        for (Path p : paths) {
            Path path = projectDir.resolve(p).normalize();
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(f -> f.getFileName().toString().matches("M\\d.*\\.java") || SqlMigrationFile.isSql(f))
                            .filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new KeelException(ErrorKind.USAGE, path + ": cannot list the folder: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new KeelException(ErrorKind.USAGE, p + ": no such file or folder."
                        + "\nTo fix: give keel lint migration files or folders, or nothing for every app's migrations.");
            }
        }
        return List.copyOf(files);
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private static String display(Path projectDir, Path file) {
        Path abs = normal(file);
        Path dir = normal(projectDir);
        return abs.startsWith(dir) ? dir.relativize(abs).toString() : abs.toString();
    }

    /** The rule with this name, if lint has one. */
    public static Optional<LintRule> rule(String name) {
        return LintRules.ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
