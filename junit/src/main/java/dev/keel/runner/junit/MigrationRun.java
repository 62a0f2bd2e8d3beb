package dev.keel.runner.junit;

import dev.keel.graph.MigrationGraph;
import dev.keel.graph.MigrationTarget;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.Database;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrateResult;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.internal.harness.PostgresServer;
import dev.keel.runner.internal.harness.TemplateCache;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One migration test's database, made by {@link MigrationHarness#start()}: at {@code from} until
 * {@link #migrate()}, at {@code to} after. {@link #close()} drops it.
 */
public final class MigrationRun implements AutoCloseable {
    /** Where a test starts and ends, and the migrations that lead to its start. */
    record Point(String app, MigrationTarget from, MigrationTarget to, List<MigrationSpec> upToFrom, String hash,
                 String description) {}

    private final TemplateCache templates;
    private final MigrationSet set;
    private final MigrationGraph graph;
    private final Point point;
    private final Database database;
    private final String name;
    private final boolean reused;
    private final MigrateListener listener;
    private final Connection connection;
    private final HistoricalDatabase before;
    private HistoricalDatabase after;
    private List<MigrationKey> migrated;
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

    private MigrationRun(TemplateCache templates, MigrationSet set, MigrationGraph graph, Point point, Database database,
                         String name, boolean reused, MigrateListener listener, Connection connection) {
        this.templates = templates;
        this.set = set;
        this.graph = graph;
        this.point = point;
        this.database = database;
        this.name = name;
        this.reused = reused;
        this.listener = listener;
        this.connection = connection;
        this.before = new HistoricalDatabase(connection, graph.stateAt(MigrationHarness.keys(point.upToFrom())), point.app(),
                "migration test of " + point.app() + " before the migration, at " + point.from());
    }

    static MigrationRun open(PostgresServer server, MigrationSet set, MigrationGraph graph, Point point,
                             MigrateListener listener) throws Exception {
        var templates = new TemplateCache(server);
        String template = TemplateCache.templateName(point.hash());
        boolean reused = templates.ensure(template, point.description(), building -> {
            try (Migrator m = Migrator.connect(set, database(server, building), settings(), listener)) {
                if (!point.from().isZero()) {
                    m.migrate(new MigrateRequest(point.app(), point.from().key().name(), false, true));
                }
            }
        });
        String name = "keel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        templates.copy(template, name);
        try {
            return new MigrationRun(templates, set, graph, point, database(server, name), name, reused, listener,
                    server.connect(name));
        } catch (SQLException | RuntimeException e) {
            templates.drop(name);
            throw e;
        }
    }

    private static Database database(PostgresServer server, String name) {
        return new Database(server.url(name), server.user(), server.password(), null,
                "check that the test server is running.");
    }

    /** Tests run without waiting on others: a lock timeout still bounds every statement, as in production. */
    private static RunnerSettings settings() {
        return RunnerSettings.defaults().withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofMinutes(5));
    }

    /** The database at {@code from}, named as the schema was then: where a test seeds its rows. */
    public HistoricalDatabase before() {
        return before;
    }

    /**
     * Migrates the database to {@code to} (forwards or backwards), post-deployment migrations
     * included, as {@code keel migrate APP TO --post-deploy} would.
     *
     * @return the database at {@code to}, named as the schema is then
     * @throws IllegalStateException when called twice
     */
    public HistoricalDatabase migrate() throws SQLException {
        if (after != null) {
            throw new IllegalStateException("this test database was migrated to " + point.to() + " already");
        }
        String target = point.to().isZero() ? MigrationTarget.ZERO : point.to().key().name();
        try (Migrator m = Migrator.connect(set, database, settings(), recording(listener, log))) {
            MigrateResult result = m.migrate(new MigrateRequest(point.app(), target, false, true));
            migrated = result.done().stream().map(MigrateResult.Done::key).toList();
        }
        after = new HistoricalDatabase(connection, graph.stateAt(applied()), point.app(),
                "migration test of " + point.app() + " after the migration, at " + point.to());
        return after;
    }

    /** {@code listener}, and each line the migrations log ({@code ctx.log}, backfill summaries) added to {@code lines}. */
    private static MigrateListener recording(MigrateListener listener, List<String> lines) {
        return new MigrateListener() {
            @Override
            public void notice(String message) {
                listener.notice(message);
            }

            @Override
            public void started(MigrationKey key, Action action) {
                listener.started(key, action);
            }

            @Override
            public void finished(MigrationKey key, Action action, java.time.Duration took) {
                listener.finished(key, action, took);
            }

            @Override
            public void log(MigrationKey key, String line) {
                lines.add(key + ": " + line);
                listener.log(key, line);
            }

            @Override
            public boolean progressBars() {
                return listener.progressBars();
            }
        };
    }

    /**
     * What the migrations logged during {@link #migrate()}, each line after its migration:
     * {@code newsroom.0003_fill_article_word_count: countWords#1 on article: 1250 rows in 3 batches, ...}.
     * Progress lines of long walks are among them; empty before {@code migrate()}.
     */
    public List<String> log() {
        return List.copyOf(log);
    }

    /**
     * The database at {@code to}.
     *
     * @throws IllegalStateException before {@link #migrate()}
     */
    public HistoricalDatabase after() {
        if (after == null) {
            throw new IllegalStateException("the test database is still at " + point.from() + ": call migrate() first");
        }
        return after;
    }

    /** Whether the database was copied from a template an earlier test (or run) had made, rather than migrated from zero now. */
    public boolean reusedTemplate() {
        return reused;
    }

    /** The migrations {@link #migrate()} applied or unapplied, in order; empty before it. */
    public List<MigrationKey> migrated() {
        return migrated == null ? List.of() : migrated;
    }

    /** The hash of the migration files up to {@code from}, which names the template this database was copied from. */
    public String hash() {
        return point.hash();
    }

    /** The test database's name on the server. */
    public String databaseName() {
        return name;
    }

    private List<MigrationKey> applied() throws SQLException {
        var keys = new ArrayList<MigrationKey>();
        try (var st = connection.createStatement();
             ResultSet r = st.executeQuery("SELECT app, name FROM keel_migrations WHERE phase = 'applied'")) {
            while (r.next()) {
                keys.add(new MigrationKey(r.getString(1), r.getString(2)));
            }
        }
        return keys;
    }

    /** Closes the connection and drops the test database (the template stays). */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // dropping with FORCE closes it anyway
        }
        templates.drop(name);
    }

    @Override
    public String toString() {
        return "MigrationRun[" + point.description() + " -> " + point.to() + ", database " + name + "]";
    }
}
