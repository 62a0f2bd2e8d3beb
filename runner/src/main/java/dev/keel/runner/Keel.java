package dev.keel.runner;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.routing.Router;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * keel's runner for code that embeds it: an application that migrates its database as it starts, a
 * deployment tool, a test. It reads the migrations from their compiled classes (no sources needed) and
 * runs them as {@code keel migrate} does: one run at a time per database (an advisory lock), every
 * statement under {@code lock_timeout} with lock timeouts retried, deploy-time migrations under
 * {@code statement_timeout} (concurrent index builds and validations without it), post-deployment migrations
 * (and those that only build indexes or validate constraints on a large table) only when asked, and nothing at all when the
 * database's history disagrees with the migrations (an applied migration changed or missing, a forked
 * history).
 *
 * <pre>{@code
 * Keel keel = Keel.configure()
 *         .dataSource(dataSource)
 *         .migrationsFrom(Application.class.getClassLoader(), "com.acme.blog.migrations")
 *         .load();
 * keel.migrate();            // the deploy phase, before the new version serves
 * keel.migratePostDeploy();  // after the deployment: index builds, backfills
 * }</pre>
 *
 * A {@code Keel} holds no connection: each method borrows one from the {@code DataSource} and gives it
 * back as it was lent. Methods may be called from several threads. Failures are {@link KeelException}s
 * whose {@link KeelException#kind() kind} says what went wrong (as {@code keel}'s exit codes do) and whose
 * message says what to do.
 */
public final class Keel {
    private final Database database;
    private final MigrationSet migrations;
    private final RunnerSettings settings;
    private final MigrateListener listener;
    private final Router router;
    private final String databaseName;

    private Keel(Configuration c, MigrationSet migrations) {
        this.database = Database.of(c.dataSource);
        this.migrations = migrations;
        this.settings = c.settings;
        this.listener = c.listener;
        this.router = Router.of(c.databases);
        this.databaseName = c.databaseName;
    }

    /** A new configuration, to be completed and then {@link Configuration#load() loaded}. */
    public static Configuration configure() {
        return new Configuration();
    }

    /**
     * What {@link #migrate()} would run now, without running or recording anything: the deploy-time
     * migrations not yet applied, in order, and the post-deployment ones it would leave for
     * {@link #migratePostDeploy()}.
     *
     * @throws KeelException of kind INCONSISTENT_HISTORY or GRAPH as {@link #validate()} says, DATABASE
     *                       when the database cannot be read
     */
    public Plan plan() {
        return withMigrator(m -> m.plan(MigrateRequest.all()));
    }

    /**
     * What {@link #migratePostDeploy()} would run now, without running or recording anything.
     *
     * @throws KeelException as {@link #plan()} does
     */
    public Plan planPostDeploy() {
        return withMigrator(m -> m.plan(MigrateRequest.all().withPostDeploy()));
    }

    /**
     * The deploy phase: applies every migration not yet applied, except the post-deployment ones and those
     * that depend on them, each recorded in {@code keel_migrations} when done. Waits while another run
     * migrates the same database. Nothing runs when the history disagrees with the migrations.
     *
     * @return the plan that ran and each migration applied, with how long it took
     * @throws KeelException of kind INCONSISTENT_HISTORY (an applied migration changed, or its class is
     *                       missing), GRAPH (a forked history), DATABASE (a statement failed: the message
     *                       says what stays applied and what to do), UNREADABLE_SOURCE (a migration's code
     *                       cannot be loaded)
     */
    public MigrateResult migrate() {
        return withMigrator(m -> m.migrate(MigrateRequest.all()));
    }

    /**
     * The post-deployment phase: applies every migration not yet applied, the post-deployment ones
     * included, without the statement timeout. Run it once the new version is deployed.
     *
     * @return the plan that ran and each migration applied, with how long it took
     * @throws KeelException as {@link #migrate()} does
     */
    public MigrateResult migratePostDeploy() {
        return withMigrator(m -> m.migrate(MigrateRequest.all().withPostDeploy()));
    }

    /**
     * Checks, without changing anything, that the database's history agrees with the migrations: every
     * applied migration is unchanged (same checksum of what it does) and present, the applied ones do not
     * skip a dependency, no app's history is forked, and no run stopped part-way in a way the next one
     * cannot finish.
     *
     * @throws KeelException of kind INCONSISTENT_HISTORY or GRAPH listing every problem, each with what to do
     */
    public void validate() {
        withMigrator(m -> m.plan(MigrateRequest.all().withPostDeploy()));
    }

    /**
     * The status of every migration on the database (applied, not applied, deferred to the post-deployment
     * phase, part-way, missing) and the problems of its history; throws nothing for those problems.
     *
     * @throws KeelException of kind DATABASE when the database cannot be read
     */
    public StatusReport status() {
        return withMigrator(Migrator::status);
    }

    /**
     * Compares the live schema with the one the applied migrations build ({@code keel check-db}) and lists
     * every difference; nothing is changed.
     *
     * @throws KeelException of kind DATABASE when the catalog cannot be read
     */
    public DriftCheck.Report check() {
        return withMigrator(DriftCheck::check);
    }

    /** The migrations this {@code Keel} runs, with their checksums. */
    public MigrationSet migrations() {
        return migrations;
    }

    private <T> T withMigrator(Function<Migrator, T> work) {
        try (Migrator m = Migrator.connect(migrations, database, settings, listener, router, databaseName)) {
            return work.apply(m);
        }
    }

    /**
     * How a {@link Keel} connects and where its migrations come from; every method returns this
     * configuration. Required: {@link #dataSource} and the migrations ({@link #migrationsFrom},
     * {@link #app} or {@link #migrations}).
     */
    public static final class Configuration {
        private DataSource dataSource;
        private ClassLoader classLoader;
        private final Map<String, String> packages = new LinkedHashMap<>();
        private final Set<String> derivedLabels = new LinkedHashSet<>();
        private MigrationSet migrations;
        private RunnerSettings settings = RunnerSettings.defaults();
        private MigrateListener listener = MigrateListener.silent();
        private String databaseName = dev.keel.config.KeelConfig.DEFAULT_DATABASE;
        private List<String> databases = List.of(dev.keel.config.KeelConfig.DEFAULT_DATABASE);

        private Configuration() {}

        /** The PostgreSQL database to migrate, as the application's {@code DataSource} (a pool) gives it. */
        public Configuration dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * The migrations are the compiled classes {@code M0001_words} directly in each of
         * {@code migrationsPackages}, as {@code classLoader} finds them (folders, jars, Spring Boot's jars).
         * Each package is an app of {@code keel.json}, whose label is the package's segment before
         * {@code .migrations}: {@code com.acme.blog.migrations} is app {@code blog}, as {@code keel init}
         * names it. For another label, use {@link #app}.
         *
         * @throws IllegalArgumentException when a package does not end with {@code .migrations} after a
         *                                  segment that is a label (lower case letters, digits and _), or
         *                                  when a class loader other than one given before is given
         */
        public Configuration migrationsFrom(ClassLoader classLoader, String... migrationsPackages) {
            useClassLoader(classLoader);
            for (String p : migrationsPackages) {
                String label = label(p);
                app(label, p);
                derivedLabels.add(label);
            }
            return this;
        }

        /**
         * The migrations of app {@code label} (its label in {@code keel.json}, the {@code app} column of
         * {@code keel_migrations}) are the compiled classes directly in {@code migrationsPackage}, as the class
         * loader given to {@link #migrationsFrom} finds them, or else the thread's context class loader.
         *
         * @throws IllegalArgumentException when the label is not lower case letters, digits and _, or names
         *                                  an app given before with another package
         */
        public Configuration app(String label, String migrationsPackage) {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(migrationsPackage, "migrationsPackage");
            if (!label.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("app label \"" + label + "\" must be lower case letters, digits"
                        + " and _, starting with a letter, as in keel.json");
            }
            String before = packages.putIfAbsent(label, migrationsPackage);
            if (before != null && !before.equals(migrationsPackage)) {
                throw new IllegalArgumentException("app " + label + " is given twice, with the migrations packages "
                        + before + " and " + migrationsPackage);
            }
            return this;
        }

        /**
         * The class loader {@link #app} apps are loaded with, when {@link #migrationsFrom} gives none.
         *
         * @throws IllegalArgumentException when a different class loader was given before
         */
        public Configuration classLoader(ClassLoader classLoader) {
            useClassLoader(classLoader);
            return this;
        }

        /**
         * The migrations, read some other way: {@link MigrationSet#read} from the sources, or
         * {@link MigrationSet#load(dev.keel.config.KeelConfig, ClassLoader)} with a project's {@code keel.json}.
         * Takes the place of {@link #migrationsFrom} and {@link #app}.
         */
        public Configuration migrations(MigrationSet migrations) {
            this.migrations = Objects.requireNonNull(migrations, "migrations");
            return this;
        }

        /**
         * How long a statement may wait for a lock before it gives up (PostgreSQL's {@code lock_timeout});
         * {@code keel.json}'s {@code database.lockTimeout}, 2 s unless given. A statement that gives up is
         * tried again ({@link #lockRetries}).
         *
         * @throws IllegalArgumentException when it is not positive: without it a statement may wait forever
         */
        public Configuration lockTimeout(Duration lockTimeout) {
            settings = settings.withTimeouts(lockTimeout, settings.statementTimeout());
            return this;
        }

        /**
         * How long a statement of a deploy-time migration may run (PostgreSQL's {@code statement_timeout});
         * {@code keel.json}'s {@code database.statementTimeout}, 5 s unless given; {@link Duration#ZERO} for
         * none. Post-deployment migrations run without it.
         *
         * @throws IllegalArgumentException when it is negative
         */
        public Configuration statementTimeout(Duration statementTimeout) {
            if (statementTimeout.isNegative()) {
                throw new IllegalArgumentException("statementTimeout must be zero (none) or positive");
            }
            settings = settings.withTimeouts(settings.lockTimeout(), statementTimeout);
            return this;
        }

        /**
         * How many times a statement that timed out waiting for a lock is tried again (3 unless given), the
         * first time after {@code firstBackoff} (1 s unless given), each next wait doubled.
         *
         * @throws IllegalArgumentException when {@code retries} is negative
         */
        public Configuration lockRetries(int retries, Duration firstBackoff) {
            settings = settings.withRetries(retries, Objects.requireNonNull(firstBackoff, "firstBackoff"));
            return this;
        }

        /**
         * From how many rows a table is large ({@code keel.json}'s {@code database.largeTableRows},
         * {@value LargeTables#DEFAULT_ROWS} unless given; 0 for only the {@link #largeTables listed} ones): a
         * deploy-time migration that only builds indexes or validates constraints on a large table waits for
         * {@link #migratePostDeploy()}, as {@code keel migrate} does. Sizes are the catalog's estimates.
         *
         * @throws IllegalArgumentException when it is negative
         */
        public Configuration largeTableRows(long rows) {
            settings = settings.withLargeTables(settings.largeTables().withRows(rows));
            return this;
        }

        /**
         * The tables that are large whatever their size ({@code keel.json}'s {@code largeTables}: {@code event},
         * {@code audit.log}): the migrations that only build indexes or validate constraints on them wait for
         * {@link #migratePostDeploy()} in every environment.
         */
        public Configuration largeTables(java.util.Collection<String> tables) {
            settings = settings.withLargeTables(new LargeTables(settings.largeTables().rows(), Set.copyOf(tables)));
            return this;
        }

        /** Where the runner reports what it does (each migration started and finished, waits, retries); silent unless given. */
        public Configuration listener(MigrateListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * For a project with several databases ({@code keel.json}'s {@code databases}): the data source is
         * the database {@code name} of {@code databases}; only the operations routed there run, the others
         * are recorded as not applicable. Without it the data source is the project's one database.
         *
         * @throws IllegalArgumentException when {@code databases} does not list {@code name}
         */
        public Configuration database(String name, List<String> databases) {
            if (!databases.contains(name)) {
                throw new IllegalArgumentException("the database " + name + " is not one of " + databases);
            }
            this.databaseName = name;
            this.databases = List.copyOf(databases);
            return this;
        }

        /**
         * Loads the migrations (instantiating each class and reading what it declares) and returns the
         * {@link Keel} that runs them. Nothing connects to the database yet.
         *
         * @throws IllegalStateException when the data source or the migrations are not given
         * @throws KeelException         of kind UNREADABLE_SOURCE naming every class that cannot be loaded or
         *                               defined, or USAGE when a package holds no migration classes or its
         *                               migrations call their app by another label
         */
        public Keel load() {
            if (dataSource == null) {
                throw new IllegalStateException("no DataSource: call dataSource(...) before load()");
            }
            if (migrations == null && packages.isEmpty()) {
                throw new IllegalStateException("no migrations: call migrationsFrom(classLoader, \"com.acme.app.migrations\")"
                        + " before load()");
            }
            MigrationSet set = migrations;
            if (set == null) {
                ClassLoader loader = classLoader != null ? classLoader
                        : Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : Keel.class.getClassLoader();
                set = MigrationSet.load(loader, packages);
                check(set, loader);
            }
            return new Keel(this, set);
        }

        private void useClassLoader(ClassLoader loader) {
            Objects.requireNonNull(loader, "classLoader");
            if (classLoader != null && classLoader != loader) {
                throw new IllegalArgumentException("the migrations come from one class loader; " + classLoader
                        + " was given before " + loader);
            }
            classLoader = loader;
        }

        /** Every package holds migrations, and those of a package whose label was derived call their own app by it. */
        private void check(MigrationSet set, ClassLoader loader) {
            var problems = new ArrayList<String>();
            packages.forEach((label, pkg) -> {
                List<MigrationSpec> own = set.specs().values().stream().filter(s -> s.app().equals(label)).toList();
                if (own.isEmpty()) {
                    problems.add("package " + pkg + ": no migration classes (M0001_initial...) in it as " + loader
                            + " finds it.\nTo fix: check the package name, and that the class loader is the one"
                            + " that loads the application's classes.");
                    return;
                }
                if (!derivedLabels.contains(label)) {
                    return;
                }
                for (MigrationSpec s : own) {
                    for (MigrationKey d : s.dependencies()) {
                        boolean ownName = set.spec(new MigrationKey(label, d.name())).isPresent();
                        if (!d.app().equals(label) && ownName && !packages.containsKey(d.app())) {
                            problems.add("package " + pkg + ": its migrations call their app \"" + d.app() + "\" (M"
                                    + s.name() + " depends on " + d + "), not \"" + label + "\" as the package's name"
                                    + " says.\nTo fix: configure it as app(\"" + d.app() + "\", \"" + pkg + "\").");
                            return;
                        }
                    }
                }
            });
            if (!problems.isEmpty()) {
                throw new KeelException(ErrorKind.USAGE, problems);
            }
        }

        private static String label(String migrationsPackage) {
            Objects.requireNonNull(migrationsPackage, "migrationsPackage");
            String suffix = ".migrations";
            String app = migrationsPackage.endsWith(suffix)
                    ? migrationsPackage.substring(0, migrationsPackage.length() - suffix.length()) : "";
            String label = app.substring(app.lastIndexOf('.') + 1);
            if (!label.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("cannot tell the app of the package " + migrationsPackage + " from"
                        + " its name (APP.migrations): name it with app(\"LABEL\", \"" + migrationsPackage + "\"),"
                        + " LABEL being the app's label in keel.json");
            }
            return label;
        }
    }
}
