package dev.keel.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.config.KeelConfig;
import dev.keel.config.Naming;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.init.ProjectSurvey;
import dev.keel.load.ProjectMigrations;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.NewMigration;
import dev.keel.make.ScannedProject;
import dev.keel.runner.Database;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keel init}: keel.json for an existing project, and with --baseline its first migration from the live database. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes keel.json for an existing project: one app per package of its @Entity"
                + " classes (the package just below their common one; one app when"
                + " they share a package; packages whose tables have foreign keys to each other in a cycle become one"
                + " app on their common package), the naming strategy (snake_case for Spring Boot, unless its configuration"
                + " sets PhysicalNamingStrategyStandardImpl; jpa otherwise) and beanValidation (true when pom.xml or"
                + " build.gradle uses hibernate-validator or spring-boot-starter-validation). It never overwrites an"
                + " existing keel.json.",
                "With --baseline, to take over a project whose database Flyway, Liquibase or hbm2ddl built: writes each"
                + " app's first migration from the entities, with the names the live database gave its keys and"
                + " indexes, then compares it with the live database and lists every difference. Exit 1 when there"
                + " are differences. Record the baseline as applied with keel migrate --fake once there are none."})
final class InitCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;
    @Mixin DatabaseMixin database;

    @Option(names = "--naming", paramLabel = "NAMING", description = "snake_case or jpa, instead of the guess.")
    String naming;

    @Option(names = "--source-root", paramLabel = "DIR", description = "A folder of Java sources (default: src/main/java);"
            + " may be given more than once.")
    List<String> sourceRoots = new ArrayList<>();

    @Option(names = "--baseline", description = "Also write the first migration, matching the live database (--url or"
            + " database.url), and compare the two.")
    boolean baseline;

    @Override
    public Integer call() {
        Path dir = project.projectDir();
        Path file = dir.resolve(KeelConfig.FILE_NAME);
        PrintWriter out = project.out();
        if (Files.exists(file)) {
            if (!baseline) {
                throw new KeelException(ErrorKind.USAGE, file + " exists already; keel init does not overwrite it.\n"
                        + "To fix: edit it, or delete it and run keel init again. To write the first migration of a"
                        + " project that has keel.json, run keel init --baseline.");
            }
            out.println("Using the existing " + KeelConfig.FILE_NAME + ".");
        } else {
            ProjectSurvey survey = ProjectSurvey.of(dir, sourceRoots, naming == null ? null : parseNaming(naming));
            // whose schema the entities map to, as the build says (written down, so that a later upgrade is a decision)
            dev.keel.scan.HibernateTarget.Decision hibernate = dev.keel.scan.HibernateTarget.decide(dir,
                    KeelConfig.parse(keelJson(survey, database.url, null), KeelConfig.FILE_NAME));
            String json = keelJson(survey, database.url, hibernate.found() ? hibernate.version() : null);
            KeelConfig.parse(json, KeelConfig.FILE_NAME); // what keel writes, keel reads
            write(file, json);
            out.println("Wrote " + KeelConfig.FILE_NAME + ":");
            survey.apps().forEach(a -> out.println("  app " + a.label() + ": entities in " + a.packageName()
                    + ", migrations in " + a.migrationsPackage()));
            survey.appNotes().forEach(n -> out.println("  (" + n + ")"));
            out.println("  naming " + survey.naming().label() + " (" + survey.namingReason() + ")");
            out.println("  beanValidation " + survey.beanValidation() + " (" + survey.beanValidationReason() + ")");
            out.println(hibernate.found() ? "  hibernate " + hibernate.version().label() + " (" + hibernate.source() + ")"
                    : "  hibernate: none found in the build, so Hibernate 6's schema (set \"hibernate\": \"7\" for Hibernate 7)");
            if (survey.defaultSchema() != null) {
                // Hibernate puts the tables without a schema there; keel's migrations put them where unqualified names
                // go on their connection: the URL's currentSchema says where
                out.println("  (the Spring configuration sets hibernate.default_schema=" + survey.defaultSchema()
                        + ": keel creates the tables without a schema in the connection's current schema, so give"
                        + " database.url ?currentSchema=" + survey.defaultSchema()
                        + (database.url != null && database.url.contains("currentSchema=") ? ", as it does)" : ")"));
            }
        }
        out.flush();
        if (!baseline) {
            out.println("Next: keel makemigrations writes each app's first migration (or keel init --baseline, when a"
                    + " database built by another tool exists).");
            return 0;
        }
        return baseline(out);
    }

    private int baseline(PrintWriter out) {
        KeelConfig config = project.config();
        Path dir = project.projectDir();
        if (!ProjectMigrations.readSources(config, dir).isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, "the project has migrations already, so it has a first one.\n"
                    + "To fix: keel init --baseline is for a project keel takes over; run keel makemigrations instead.");
        }
        Database db = database.configured(config).orElseThrow(() -> new KeelException(ErrorKind.USAGE,
                "--baseline compares with the live database, and none is configured.\n"
                        + "To fix: give it with --url jdbc:postgresql://HOST:PORT/DB, or database.url in keel.json."));
        Catalog live = readCatalog(db);
        ScannedProject scanned = project.entitySource().scan(config, dir);
        Baseline.Result named = Baseline.withLiveNames(scanned.state(), live);
        MakeResult made = new MakeMigrations((c, d) -> new ScannedProject(named.state(), scanned.hints()),
                new NonInteractiveQuestioner()).run(config, dir, MakeOptions.defaults());
        for (NewMigration m : made.migrations()) {
            out.println("Wrote the baseline of " + m.spec().app() + ": " + dir.relativize(m.file()) + " ("
                    + m.spec().operations().size() + " operations)");
        }
        if (!named.renamed().isEmpty()) {
            out.println("Named as the database names them (" + named.renamed().size() + "):");
            named.renamed().forEach(r -> out.println("  " + r));
        }
        List<String> differences = CatalogDiff.strict().diff(Catalog.fromState(named.state()), live).differences();
        if (differences.isEmpty()) {
            out.println("The baseline matches the live database " + db.displayUrl() + ".");
            out.println("Next: keel migrate --fake records it as applied there without running it; then keel"
                    + " makemigrations and keel migrate as usual.");
            out.flush();
            return 0;
        }
        out.println("The entities and the live database " + db.displayUrl() + " differ in " + differences.size()
                + (differences.size() == 1 ? " place" : " places") + " (expected: the entities; actual: the database):");
        differences.forEach(d -> out.println("  " + d));
        out.println("To fix: make the entities say what the database holds (or change the database), then delete the"
                + " baseline and run keel init --baseline again. Record it with keel migrate --fake only once they agree.");
        out.flush();
        return 1;
    }

    private static Catalog readCatalog(Database db) {
        try (Connection c = db.connect("keel init")) {
            return Catalog.read(c, Catalog.currentSchema(c), Baseline.OTHER_TOOLS);
        } catch (SQLException e) {
            throw new KeelException(ErrorKind.DATABASE, "cannot read the catalog of " + db.displayUrl() + ": "
                    + e.getMessage() + "\nTo fix: check that the user may read pg_catalog.", e);
        }
    }

    private static Naming parseNaming(String text) {
        for (Naming n : Naming.values()) {
            if (n.label().equals(text)) {
                return n;
            }
        }
        throw new KeelException(ErrorKind.USAGE, "--naming takes snake_case or jpa, not " + text + ".");
    }

    /** keel.json as keel init writes it: the keys in the order the brief shows them. */
    static String keelJson(ProjectSurvey survey, String url) {
        return keelJson(survey, url, null);
    }

    /** keel.json's text, with {@code "hibernate"} when {@code hibernate} is not null. */
    static String keelJson(ProjectSurvey survey, String url, dev.keel.config.HibernateVersion hibernate) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sourceRoots", survey.sourceRoots());
        root.put("naming", survey.naming().label());
        root.put("beanValidation", survey.beanValidation());
        var apps = new ArrayList<Map<String, String>>();
        for (ProjectSurvey.App a : survey.apps()) {
            Map<String, String> app = new LinkedHashMap<>();
            app.put("label", a.label());
            app.put("package", a.packageName());
            app.put("migrationsPackage", a.migrationsPackage());
            apps.add(app);
        }
        root.put("apps", apps);
        if (hibernate != null) {
            root.put("hibernate", hibernate.label());
        }
        if (url != null && dev.keel.runner.Secrets.maskUrl(url).equals(url)) {
            // a URL with a password stays out of keel.json: database.passwordEnv names where the password comes from
            root.put("database", Map.of("url", url));
        }
        try {
            var printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, file + ": cannot write it: " + e.getMessage(), e);
        }
    }
}
