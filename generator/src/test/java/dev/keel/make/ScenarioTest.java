package dev.keel.make;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.diff.Questioner;
import dev.keel.emit.Lockfile;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.lint.Finding;
import dev.keel.lint.LintReport;
import dev.keel.lint.Linter;
import dev.keel.load.ProjectMigrations;
import dev.keel.load.SourceMigrationReader;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import dev.keel.scan.EntityScanner;
import dev.keel.scan.oracle.HibernateOracle;
import dev.keel.state.Column;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden scenarios of {@code makemigrations}: one folder per scenario under
 * {@code src/test/resources/scenarios/NNN_descriptive_name/}, found automatically.
 *
 * <p>A scenario folder holds:
 * <ul>
 *   <li>{@code before/}: entity sources (placed in the project by their {@code package} line);</li>
 *   <li>{@code middle/} (optional): entities for an intermediate run, whose migrations are not compared
 *       (used to reach a state with pending deletions);</li>
 *   <li>{@code after/}: the entities after the change;</li>
 *   <li>{@code expected/APP/M*.java}: the exact files the run on {@code after/} writes, per app, byte for
 *       byte; {@code expected/notes.txt}: the notes it reports (likely renames), when there are any;
 *       {@code expected/nothing.txt} (with a sentence why) when the change must write nothing; or
 *       {@code expected/error.txt} instead: the {@link ErrorKind} on the first line, then fragments that
 *       the error message must contain, one per line;</li>
 *   <li>{@code expected-followup/} (optional): laid out as {@code expected/}, the files a further run on
 *       the same entities writes, for changes keel makes in two steps (a volatile default: expand and
 *       backfill, then NOT NULL);</li>
 *   <li>{@code keel.json} (optional): the project's configuration; else {@code scenarios/keel.json};</li>
 *   <li>{@code options.properties} (optional): options of the runs after the first:
 *       {@code renames} (comma-separated {@code --rename} hints), {@code allow} ({@code type-change},
 *       {@code rename}), {@code largeTables}, {@code deletePending}; {@code default.APP.MODEL.FIELD}: the
 *       SQL value typed at the prompt for a NOT NULL field added without a default (the questioner
 *       answers it as the terminal's would); and {@code using.APP.MODEL.FIELD}: the expression of a type
 *       change given with {@code --using};</li>
 *   <li>{@code allowed.txt} (optional): differences between the database keel's migrations build and
 *       Hibernate's export of {@code after/} that are intended, one per line as
 *       {@code pattern => reason} ({@code *} matches any text). An allowance that matches nothing fails.</li>
 * </ul>
 *
 * <p>Each scenario: {@code before/} is copied into a fresh project and {@code makemigrations} writes the
 * initial migration; {@code after/} replaces the entities and {@code makemigrations} runs again; the files
 * it writes must equal {@code expected/}, read back to the operations written (from the written file and
 * from the expected one), and the lockfile names the new latest migrations. One more run must find
 * nothing (idempotence; after the follow-up run where there is one). Then every migration is applied to a
 * fresh embedded PostgreSQL database and its catalog must equal the one Hibernate 6.6 creates for the
 * compiled {@code after/} entities, up to the allowances. An error scenario must fail with the expected
 * kind and message, and write nothing.
 *
 * <p>To regenerate the expectations after a deliberate change of the generator, run
 * <pre>{@code mvn -pl state,annotations,runner,generator -am test -Dtest=ScenarioTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dkeel.scenarios.update=true}</pre>
 * which rewrites {@code expected/} (for an error, {@code error.txt} with the whole message, unless the
 * file there still matches), then read every changed file and keep it only if it is what a careful
 * engineer would write. {@code -Dkeel.scenarios.only=REGEX} runs only the folders whose name matches.
 */
class ScenarioTest {
    /** Set to {@code true} to rewrite the {@code expected/} folders from what makemigrations writes. */
    static final String UPDATE_PROPERTY = "keel.scenarios.update";

    /** A regular expression: run only the scenarios whose folder name matches (while working on a few). */
    static final String ONLY_PROPERTY = "keel.scenarios.only";

    static final Path ROOT = Path.of("src/test/resources/scenarios");
    private static final boolean UPDATE = Boolean.getBoolean(UPDATE_PROPERTY);
    /** The migrations of a run right after the compared one, where keel finishes a change in two steps. */
    static final String FOLLOW_UP = "expected-followup";
    /** What a scenario folder may hold, so that a misspelt folder cannot be silently skipped. */
    static final Set<String> KNOWN_ENTRIES = Set.of("before", "middle", "after", "expected", FOLLOW_UP,
            KeelConfig.FILE_NAME, "options.properties", "allowed.txt");
    /** In {@code expected/}: the change must write no migration at all (attributes that do not reach the database). */
    static final String NOTHING = "nothing.txt";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    @TempDir Path work;

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        String only = System.getProperty(ONLY_PROPERTY, "");
        return folders().stream()
                .filter(f -> only.isEmpty() || f.getFileName().toString().matches(only))
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> new Run(f).run()));
    }

    @Test
    void thereAreAtLeastFortyScenarios() throws IOException {
        assertTrue(folders().size() >= 40, "expected at least 40 scenarios, found " + folders().size());
    }

    static List<Path> folders() throws IOException {
        try (Stream<Path> list = Files.list(ROOT)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** One scenario's run, in its own project folder. */
    final class Run {
        final Path scenario;
        final String name;
        final Path project;
        final KeelConfig config;
        final MakeOptions options;
        final Map<String, String> oneOffDefaults;

        Run(Path scenario) throws IOException {
            this.scenario = scenario;
            this.name = scenario.getFileName().toString();
            this.project = work.resolve(name).resolve("project");
            Files.createDirectories(project);
            Path keelJson = Files.exists(scenario.resolve(KeelConfig.FILE_NAME))
                    ? scenario.resolve(KeelConfig.FILE_NAME) : ROOT.resolve(KeelConfig.FILE_NAME);
            Files.copy(keelJson, project.resolve(KeelConfig.FILE_NAME));
            this.config = KeelConfig.read(project);
            this.options = options(scenario.resolve("options.properties"));
            this.oneOffDefaults = oneOffDefaults(scenario.resolve("options.properties"));
        }

        void run() throws Exception {
            try (Stream<Path> entries = Files.list(scenario)) {
                for (Path entry : entries.toList()) {
                    assertTrue(KNOWN_ENTRIES.contains(entry.getFileName().toString()),
                            name + ": unknown entry " + entry.getFileName() + "; known: " + KNOWN_ENTRIES);
                }
            }
            assertTrue(Files.isDirectory(scenario.resolve("before")), name + ": no before/");
            assertTrue(Files.isDirectory(scenario.resolve("after")), name + ": no after/");
            useEntities("before");
            MakeResult initial = make(MakeOptions.defaults());
            assertTrue(!initial.migrations().isEmpty(), name + ": before/ gives no initial migration");
            if (Files.isDirectory(scenario.resolve("middle"))) {
                useEntities("middle");
                make(options);
            }
            useEntities("after");
            Path expected = scenario.resolve("expected");
            Path errorFile = expected.resolve("error.txt");
            Set<Path> filesBefore = projectFiles();
            Map<Path, String> contentsBefore = contents(filesBefore);

            MakeResult changed;
            try {
                changed = make(options);
            } catch (KeelException e) {
                assertEquals(contentsBefore, contents(projectFiles()), name + ": a failed run must write nothing");
                checkError(errorFile, e);
                return;
            }
            if (!UPDATE && Files.exists(errorFile)) {
                fail(name + ": expected an error (" + Files.readString(errorFile).strip() + "), but makemigrations wrote "
                        + changed.migrations().stream().map(m -> m.spec().key().toString()).toList());
            }
            checkWritten(changed, expected, filesBefore);

            Path followUp = scenario.resolve(FOLLOW_UP);
            if (Files.isDirectory(followUp)) {
                Set<Path> filesBeforeFollowUp = projectFiles();
                checkWritten(make(options), followUp, filesBeforeFollowUp);
            }
            MakeResult again = make(options);
            assertEquals(List.of(), again.migrations().stream().map(m -> m.source()).toList(),
                    name + ": a second run on unchanged entities must write nothing");
            assertEquals(List.of(), again.notes(), name + ": a second run must report nothing");

            checkLint();
            checkDatabase();
        }

        /**
         * Every lint rule passes on what keel wrote: its expand/contract forms (views, forked sequences, column syncs,
         * copies, switches) included; what an --allow-unsafe option let through carries its keel:allow comment.
         */
        private void checkLint() {
            LintReport report = new Linter().lint(config, project, List.of());
            assertEquals(List.of(), report.findings().stream().map(Finding::render).toList(), name + ": lint of keel's migrations");
        }

        private MakeResult make(MakeOptions opts) {
            EntitySource entities = (c, d) -> {
                EntityScanner.Scan scan = EntityScanner.scanWithHints(d, c);
                return new ScannedProject(scan.state(), scan.hints());
            };
            return new MakeMigrations(entities, questioner()).run(config, project, opts);
        }

        /** The non-interactive questioner, answering the prompt for a NOT NULL field's default from {@code default.*}. */
        private Questioner questioner() {
            var fallback = new NonInteractiveQuestioner();
            if (oneOffDefaults.isEmpty()) {
                return fallback; // makemigrations reports its notes (likely renames)
            }
            return new Questioner() {
                @Override public Optional<String> defaultForNotNullAdd(FieldRef field, Column column) {
                    return Optional.ofNullable(oneOffDefaults.get(field.toString()));
                }

                @Override public boolean isRename(FieldRef removed, FieldRef added) {
                    return fallback.isRename(removed, added);
                }

                @Override public boolean isModelRename(String app, String removedModel, String addedModel) {
                    return fallback.isModelRename(app, removedModel, addedModel);
                }
            };
        }

        /** Replaces the project's entity sources with those of the scenario's {@code stage} folder. */
        private void useEntities(String stage) throws IOException {
            Path root = config.sourceRootPaths(project).get(0);
            List<Path> migrationDirs = config.apps().stream().map(a -> config.migrationsDir(project, a)).toList();
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        if (migrationDirs.stream().noneMatch(p::startsWith)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            try (Stream<Path> walk = Files.walk(scenario.resolve(stage))) {
                for (Path source : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String text = Files.readString(source);
                    Matcher m = PACKAGE.matcher(text);
                    assertTrue(m.find(), source + ": no package line");
                    Path to = root.resolve(m.group(1).replace('.', '/')).resolve(source.getFileName().toString());
                    Files.createDirectories(to.getParent());
                    Files.writeString(to, text);
                }
            }
        }

        private void checkWritten(MakeResult changed, Path expected, Set<Path> filesBefore) throws IOException {
            var written = new TreeMap<String, NewMigration>();
            for (NewMigration m : changed.migrations()) {
                written.put(m.spec().app() + "/" + m.file().getFileName(), m);
            }
            var newFiles = new TreeSet<String>();
            for (Path p : projectFiles()) {
                if (!filesBefore.contains(p) && !p.getFileName().toString().equals(Lockfile.FILE_NAME)) {
                    newFiles.add(project.relativize(p).toString());
                }
            }
            assertEquals(written.values().stream().map(m -> project.relativize(m.file()).toString())
                    .collect(Collectors.toCollection(TreeSet::new)), newFiles, name + ": files on disk vs files reported");

            String notes = changed.notes().isEmpty() ? null : String.join("\n", changed.notes()) + "\n";
            if (UPDATE) {
                rewriteExpected(expected, written, notes);
            }
            boolean nothing = Files.exists(expected.resolve(NOTHING));
            assertEquals(nothing, written.isEmpty(), name + (nothing ? ": expected no migration (" + NOTHING + ")"
                    : ": the change wrote no migration; if that is right, say so in expected/" + NOTHING));
            assertEquals(expectedFiles(expected), written.keySet(), name + ": migration files written vs expected/");
            for (var e : written.entrySet()) {
                NewMigration m = e.getValue();
                String onDisk = Files.readString(m.file());
                assertEquals(m.source(), onDisk, name + ": file written vs source reported");
                Path golden = expected.resolve(e.getKey());
                assertEquals(Files.readString(golden), onDisk, name + ": " + e.getKey() + " differs from expected/");
                assertTrue(Arrays.equals(Files.readAllBytes(golden), Files.readAllBytes(m.file())), name + ": bytes differ");
                var reader = new SourceMigrationReader();
                MigrationSpec fromFile = reader.read(m.file(), m.spec().app());
                MigrationSpec fromGolden = reader.read(golden, m.spec().app());
                assertEquals(m.spec().operations(), fromGolden.operations(), name + ": " + e.getKey() + " read back");
                assertTrue(m.spec().sameDefinition(fromGolden), name + ": " + e.getKey() + " reads back to another migration:\n"
                        + m.spec() + "\n" + fromGolden);
                assertTrue(m.spec().sameDefinition(fromFile), name + ": " + e.getKey() + " on disk reads back differently");
            }
            Path notesFile = expected.resolve("notes.txt");
            assertEquals(Files.exists(notesFile) ? Files.readString(notesFile) : null, notes, name + ": notes");

            MigrationGraph graph = MigrationGraph.of(ProjectMigrations.readSources(config, project));
            var leaves = new TreeMap<String, String>();
            for (AppConfig app : config.apps()) {
                List<MigrationKey> appLeaves = graph.leaves(app.label());
                assertTrue(appLeaves.size() <= 1, name + ": app " + app.label() + " forked: " + appLeaves);
                appLeaves.forEach(l -> leaves.put(l.app(), l.name()));
            }
            assertEquals(leaves, Lockfile.read(project).latest(), name + ": lockfile");
        }

        private void rewriteExpected(Path expected, Map<String, NewMigration> written, String notes) throws IOException {
            Path nothingFile = expected.resolve(NOTHING);
            String why = Files.exists(nothingFile) ? Files.readString(nothingFile) : "makemigrations writes nothing for this change.\n";
            deleteTree(expected);
            for (var e : written.entrySet()) {
                Path to = expected.resolve(e.getKey());
                Files.createDirectories(to.getParent());
                Files.writeString(to, e.getValue().source());
            }
            if (notes != null) {
                Files.createDirectories(expected);
                Files.writeString(expected.resolve("notes.txt"), notes);
            }
            if (written.isEmpty()) {
                Files.createDirectories(expected);
                Files.writeString(nothingFile, why);
            }
        }

        private Set<String> expectedFiles(Path expected) throws IOException {
            if (!Files.isDirectory(expected)) {
                return Set.of();
            }
            try (Stream<Path> walk = Files.walk(expected)) {
                return walk.filter(p -> p.toString().endsWith(".java"))
                        .map(p -> expected.relativize(p).toString())
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }

        private void checkError(Path errorFile, KeelException e) throws IOException {
            if (UPDATE && !matches(errorFile, e)) {
                deleteTree(errorFile.getParent());
                Files.createDirectories(errorFile.getParent());
                Files.writeString(errorFile, e.kind() + "\n" + e.getMessage().strip() + "\n");
            }
            if (!Files.exists(errorFile)) {
                throw new AssertionError(name + ": makemigrations failed unexpectedly", e);
            }
            assertTrue(matches(errorFile, e), name + ": expected " + Files.readString(errorFile) + "\nbut got " + e.kind()
                    + ":\n" + e.getMessage());
        }

        private boolean matches(Path errorFile, KeelException e) throws IOException {
            if (!Files.exists(errorFile)) {
                return false;
            }
            List<String> lines = Files.readAllLines(errorFile).stream().filter(l -> !l.isBlank()).toList();
            return !lines.isEmpty() && lines.get(0).strip().equals(e.kind().name())
                    && lines.stream().skip(1).allMatch(fragment -> e.getMessage().contains(fragment.strip()));
        }

        /** Applies every migration and compares the database with Hibernate's own schema for {@code after/}. */
        private void checkDatabase() throws Exception {
            Catalog hibernate;
            try (TestDatabase db = TestPostgres.freshDatabase()) {
                HibernateOracle.createSchema(project, config, work.resolve(name).resolve("hibernate"), db.url(), db.user(),
                        db.password());
                try (Connection c = db.connect()) {
                    hibernate = Catalog.read(c);
                }
            }
            Catalog keel;
            try (TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
                MigrationGraph graph = MigrationGraph.of(ProjectMigrations.readSources(config, project));
                new SimpleApplier(c).apply(graph.forwardsPlan(Set.of(), graph.leaves()), ProjectState.EMPTY);
                keel = Catalog.read(c);
            }
            assertTrue(!hibernate.tables().isEmpty(), name + ": Hibernate created no table");
            CatalogDiff.Result result = allowances().diff(hibernate, keel);
            assertEquals(List.of(), result.differences(), name + ": Hibernate's schema (expected) vs keel's migrations (actual)");
            assertEquals(List.of(), result.unusedAllowances(), name + ": allowances in allowed.txt that match no difference");
        }

        private CatalogDiff allowances() throws IOException {
            CatalogDiff diff = CatalogDiff.strict();
            Path file = scenario.resolve("allowed.txt");
            if (!Files.exists(file)) {
                return diff;
            }
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int arrow = line.indexOf(" => ");
                assertTrue(arrow > 0 && !line.substring(arrow + 4).isBlank(),
                        file + ": each line is 'pattern => reason', not: " + line);
                diff = diff.allowing(line.substring(0, arrow).strip(), line.substring(arrow + 4).strip());
            }
            return diff;
        }

        private Set<Path> projectFiles() throws IOException {
            try (Stream<Path> walk = Files.walk(project)) {
                return walk.filter(Files::isRegularFile).collect(Collectors.toCollection(TreeSet::new));
            }
        }
    }

    private static Map<Path, String> contents(Set<Path> files) {
        var map = new TreeMap<Path, String>();
        for (Path p : files) {
            try {
                map.put(p, Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return map;
    }

    /** The options of the runs after the first, from {@code options.properties}. */
    static MakeOptions options(Path file) throws IOException {
        if (!Files.exists(file)) {
            return MakeOptions.defaults();
        }
        var props = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            props.load(in);
        }
        var known = Set.of("renames", "allow", "largeTables", "deletePending");
        for (String key : props.stringPropertyNames()) {
            assertTrue(known.contains(key) || key.startsWith("default.") || key.startsWith("using."),
                    file + ": unknown key " + key + "; known: " + known + ", default.*, using.*");
        }
        DiffHints renames = DiffHints.NONE;
        for (String hint : list(props.getProperty("renames"))) {
            renames = renames.plus(DiffHints.parseRename(hint));
        }
        var using = new TreeMap<String, String>();
        props.stringPropertyNames().stream().filter(k -> k.startsWith("using."))
                .forEach(k -> using.put(k.substring("using.".length()), props.getProperty(k)));
        var safety = new SafetyOptions(Set.copyOf(list(props.getProperty("allow"))), Set.copyOf(list(props.getProperty("largeTables"))),
                false, using);
        boolean deletePending = Boolean.parseBoolean(props.getProperty("deletePending", "false"));
        return new MakeOptions(List.of(), false, false, false, false, null, deletePending, safety, renames);
    }

    /** The prompt's answers of {@code options.properties}: {@code default.APP.MODEL.FIELD=SQL}, by field. */
    static Map<String, String> oneOffDefaults(Path file) throws IOException {
        var answers = new TreeMap<String, String>();
        if (Files.exists(file)) {
            var props = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                props.load(in);
            }
            props.stringPropertyNames().stream().filter(k -> k.startsWith("default."))
                    .forEach(k -> answers.put(k.substring("default.".length()), props.getProperty(k)));
        }
        return answers;
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
