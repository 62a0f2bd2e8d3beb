package dev.keel.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's {@code keel.json}: source roots, naming, Bean Validation, apps, the database, and the
 * tables that are large ({@code "largeTables": ["event", "audit.log"]}: makemigrations writes index builds
 * and validations on them as post-deployment migrations, and migrate leaves deploy-time ones for the
 * post-deployment phase whatever the table's size), and where the runner reads migrations
 * ({@code "migrations": {"classpath": [...]}}, {@link MigrationsConfig}).
 *
 * <p>{@code "libraries"} is the application's compile class path as the entity scan reads it: jars and class
 * folders (paths relative to the project folder, {@code *} and {@code **} globs, or {@code @FILE} naming a file
 * that lists a class path, as {@code mvn dependency:build-classpath -Dmdep.outputFile=FILE} writes one), where
 * the types and constants the entities use and the source roots do not declare are looked up. It is not
 * {@code migrations.classpath}, where compiled migrations are loaded from.
 *
 * <p>{@code "hibernate"} ({@code "6"} or {@code "7"}) is whose schema the entities map to; left out, the build's
 * ({@code dev.keel.scan.HibernateTarget} decides, and {@link #withHibernate} records it), else Hibernate 6.
 *
 * <p>A project with several databases names them in {@code "databases"} instead of {@code "database"}:
 * {@code {"default": {...}, "control": {...}, "region": {"targets": [...]}}}. Entities go to
 * {@code default} unless {@code @Database("NAME")} routes them elsewhere. The single {@code "database"}
 * form is the database named {@code default}.
 */
public record KeelConfig(@JsonProperty("sourceRoots") List<String> sourceRoots,
                         @JsonProperty("naming") Naming naming,
                         @JsonProperty("beanValidation") boolean beanValidation,
                         @JsonProperty("apps") List<AppConfig> apps,
                         @JsonProperty("database") DatabaseConfig database,
                         @JsonProperty("largeTables") List<String> largeTables,
                         @JsonProperty("databases") Map<String, DatabaseConfig> databases,
                         @JsonProperty("migrations") MigrationsConfig migrations,
                         @JsonProperty("libraries") List<String> libraries,
                         @JsonProperty("hibernate") HibernateVersion hibernate) {

    /** The file name keel looks for at the project root. */
    public static final String FILE_NAME = "keel.json";

    /** The database of entities without {@code @Database}, and of the single {@code "database"} form. */
    public static final String DEFAULT_DATABASE = dev.keel.state.Table.DEFAULT_DATABASE;

    public KeelConfig {
        sourceRoots = sourceRoots == null || sourceRoots.isEmpty() ? List.of("src/main/java") : List.copyOf(sourceRoots);
        naming = naming == null ? Naming.SNAKE_CASE : naming;
        if (apps == null || apps.isEmpty()) {
            throw new IllegalArgumentException("\"apps\" must list at least one app");
        }
        apps = List.copyOf(apps);
        var labels = new HashSet<String>();
        for (AppConfig app : apps) {
            if (!labels.add(app.label())) {
                throw new IllegalArgumentException("app label \"" + app.label() + "\" appears twice in \"apps\"");
            }
        }
        largeTables = largeTables == null ? List.of() : List.copyOf(largeTables);
        migrations = migrations == null ? MigrationsConfig.none() : migrations;
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
        for (String entry : libraries) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException("\"libraries\" must list jars, class folders, globs (\"lib/*.jar\")"
                        + " or @files of a class path (\"@target/classpath.txt\")");
            }
        }
        if (databases == null || databases.isEmpty()) {
            database = database == null ? DatabaseConfig.none() : database;
            databases = Map.of(DEFAULT_DATABASE, database);
        } else {
            var copy = new LinkedHashMap<String, DatabaseConfig>();
            databases.forEach((name, db) -> {
                if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("database name \"" + name
                            + "\" must be lower case letters, digits and _, starting with a letter");
                }
                copy.put(name, db == null ? DatabaseConfig.none() : db);
            });
            databases = Collections.unmodifiableMap(copy);
            database = databases.getOrDefault(DEFAULT_DATABASE, DatabaseConfig.none());
        }
        for (String table : largeTables) {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("\"largeTables\" must list table names (\"event\", \"audit.log\")");
            }
        }
    }

    /** A configuration that leaves the Hibernate version to the build ({@link #hibernate()} null). */
    public KeelConfig(List<String> sourceRoots, Naming naming, boolean beanValidation, List<AppConfig> apps,
                      DatabaseConfig database, List<String> largeTables, Map<String, DatabaseConfig> databases,
                      MigrationsConfig migrations, List<String> libraries) {
        this(sourceRoots, naming, beanValidation, apps, database, largeTables, databases, migrations, libraries, null);
    }

    /** A configuration without large tables. */
    public KeelConfig(List<String> sourceRoots, Naming naming, boolean beanValidation, List<AppConfig> apps,
                      DatabaseConfig database) {
        this(sourceRoots, naming, beanValidation, apps, database, List.of(), null, null, null);
    }

    /** A configuration with one database. */
    public KeelConfig(List<String> sourceRoots, Naming naming, boolean beanValidation, List<AppConfig> apps,
                      DatabaseConfig database, List<String> largeTables) {
        this(sourceRoots, naming, beanValidation, apps, database, largeTables, null, null, null);
    }

    /** A configuration without libraries. */
    public KeelConfig(List<String> sourceRoots, Naming naming, boolean beanValidation, List<AppConfig> apps,
                      DatabaseConfig database, List<String> largeTables, Map<String, DatabaseConfig> databases,
                      MigrationsConfig migrations) {
        this(sourceRoots, naming, beanValidation, apps, database, largeTables, databases, migrations, null, null);
    }

    /**
     * This configuration with {@code more} libraries after its own (the Maven plugin's compile class path, given
     * on the command line with {@code --libraries}).
     */
    public KeelConfig withLibraries(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new java.util.ArrayList<>(libraries);
        all.addAll(more);
        return new KeelConfig(sourceRoots, naming, beanValidation, apps, null, largeTables, databases, migrations, all,
                hibernate);
    }

    /**
     * The Hibernate whose schema the scan writes: keel.json's {@code "hibernate"}, or the version
     * {@code dev.keel.scan.HibernateTarget} found in the build and set with {@link #withHibernate}; Hibernate 6 when
     * neither says one.
     */
    public HibernateVersion hibernateVersion() {
        return hibernate == null ? HibernateVersion.DEFAULT : hibernate;
    }

    /** This configuration with the Hibernate version {@code version} (the one the build brings, when keel.json says none). */
    public KeelConfig withHibernate(HibernateVersion version) {
        if (version == hibernate) {
            return this;
        }
        return new KeelConfig(sourceRoots, naming, beanValidation, apps, null, largeTables, databases, migrations, libraries,
                version);
    }

    /** Reads the JSON object; {@code beanValidation} may be left out and then is false. */
    @JsonCreator
    static KeelConfig fromJson(@JsonProperty("sourceRoots") List<String> sourceRoots,
                               @JsonProperty("naming") Naming naming,
                               @JsonProperty("beanValidation") Boolean beanValidation,
                               @JsonProperty("apps") List<AppConfig> apps,
                               @JsonProperty("database") DatabaseConfig database,
                               @JsonProperty("largeTables") List<String> largeTables,
                               @JsonProperty("databases") Map<String, DatabaseConfig> databases,
                               @JsonProperty("migrations") MigrationsConfig migrations,
                               @JsonProperty("libraries") List<String> libraries,
                               @JsonProperty("hibernate") HibernateVersion hibernate) {
        if (database != null && databases != null) {
            throw new IllegalArgumentException("\"database\" and \"databases\" are both given; with several databases,"
                    + " put the first one under \"databases\" as \"" + DEFAULT_DATABASE + "\" and remove \"database\"");
        }
        if (databases != null && databases.isEmpty()) {
            throw new IllegalArgumentException("\"databases\" must name at least one database, or be left out");
        }
        return new KeelConfig(sourceRoots, naming, Boolean.TRUE.equals(beanValidation), apps, database, largeTables,
                databases, migrations, libraries, hibernate);
    }

    /** The text Java gives a record ({@link RecordText}: the same, without linking method handles on first use). */
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    /** The names of the databases, in the order {@code keel.json} gives them. */
    public List<String> databaseNames() {
        return List.copyOf(databases.keySet());
    }

    /** Whether the project has more than one database, so that every operation must say where it runs. */
    public boolean severalDatabases() {
        return databases.size() > 1;
    }

    /** Whether {@code keel.json} names the database {@code name}. */
    public boolean hasDatabase(String name) {
        return databases.containsKey(name);
    }

    /** The database named {@code name}, or a usage error listing the names {@code keel.json} gives. */
    public DatabaseConfig requireDatabase(String name) {
        DatabaseConfig db = databases.get(name);
        if (db == null) {
            throw new KeelException(ErrorKind.USAGE, "no database \"" + name + "\" in " + FILE_NAME + ". Databases: "
                    + databaseNames() + "\nTo fix: use one of those names, or add the database to \"databases\" in "
                    + FILE_NAME + ".");
        }
        return db;
    }

    /** The app with this label. */
    public Optional<AppConfig> app(String label) {
        return apps.stream().filter(a -> a.label().equals(label)).findFirst();
    }

    /** The app with this label, or a usage error listing the known labels. */
    public AppConfig requireApp(String label) {
        return app(label).orElseThrow(() -> new KeelException(ErrorKind.USAGE, "no app \"" + label + "\" in "
                + FILE_NAME + ". Apps: " + apps.stream().map(AppConfig::label).toList()
                + "\nTo fix: use one of those labels, or add the app to " + FILE_NAME + "."));
    }

    /** The folder that holds an app's migration files: the migrations package under the first source root. */
    public Path migrationsDir(Path projectDir, AppConfig app) {
        return projectDir.resolve(sourceRoots.get(0)).resolve(app.migrationsPackage().replace('.', '/'));
    }

    /** The source roots as paths under the project folder. */
    public List<Path> sourceRootPaths(Path projectDir) {
        return sourceRoots.stream().map(projectDir::resolve).toList();
    }

    /** Reads {@code keel.json} from the project folder; every problem is a USAGE error naming file:line. */
    public static KeelConfig read(Path projectDir) {
        Path file = projectDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new KeelException(ErrorKind.USAGE, file + ": no " + FILE_NAME + " here."
                    + "\nTo fix: run keel in the project folder, point at it with keel -C DIR, or write " + FILE_NAME
                    + " (keel init scans the project and writes one).");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the text of a {@code keel.json}; {@code fileName} is used in messages. The usual file is read without
     * Jackson ({@link PlainKeelJson}, the same configuration, a fraction of the time); anything else, an error
     * included, is read by Jackson.
     */
    public static KeelConfig parse(String json, String fileName) {
        return PlainKeelJson.read(json).orElseGet(() -> parseWithJackson(json, fileName));
    }

    /** {@link #parse} by Jackson alone: every value and every error (with its file, line and column). */
    static KeelConfig parseWithJackson(String json, String fileName) {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return mapper.readValue(json, KeelConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new KeelException(ErrorKind.USAGE, whereKey(fileName, json, e.getPropertyName(), e.getLocation())
                    + "unknown key \"" + e.getPropertyName() + "\"" + path(e) + ". Known keys here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()
                    + "\nTo fix: remove the key or correct its spelling.");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException syntax) {
                throw notJson(fileName, syntax);
            }
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String msg = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new KeelException(ErrorKind.USAGE, where(fileName, e.getLocation()) + "bad value" + path(e) + ": " + msg
                    + "\nTo fix: correct the value; the README's keel.json section lists every key.");
        } catch (JsonProcessingException e) {
            throw notJson(fileName, e);
        }
    }

    private static KeelException notJson(String fileName, JsonProcessingException e) {
        return new KeelException(ErrorKind.USAGE, where(fileName, e.getLocation()) + "not valid JSON: "
                + e.getOriginalMessage() + "\nTo fix: correct the JSON syntax.");
    }

    /**
     * Where a key is written. Jackson reports an unknown key of a record at the end of its object,
     * so the key is looked up in the text; when it appears more than once, Jackson's place is kept.
     */
    private static String whereKey(String fileName, String json, String key, JsonLocation fallback) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(json);
        if (m.find()) {
            int start = m.start();
            if (!m.find()) {
                int line = 1 + (int) json.substring(0, start).chars().filter(c -> c == '\n').count();
                int column = start - json.lastIndexOf('\n', start - 1);
                return fileName + ":" + line + ":" + column + ": ";
            }
        }
        return where(fileName, fallback);
    }

    private static String where(String fileName, JsonLocation loc) {
        return loc == null ? fileName + ": " : fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }

    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "" : " at " + sb;
    }
}
