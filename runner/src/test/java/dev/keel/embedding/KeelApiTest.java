package dev.keel.embedding;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.DriftCheck;
import dev.keel.runner.Keel;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrateResult;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.MigrationStatus;
import dev.keel.runner.Migrator;
import dev.keel.runner.Plan;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import dev.keel.testing.MigrationJars;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java API as an application uses it: the blog sample's migrations (plus a data migration with Java
 * code and a post-deployment index) compiled into a jar, loaded from a class loader over that jar, run on
 * a test database through a {@code DataSource}. From outside keel's packages, with public types only.
 */
class KeelApiTest {
    static final String PACKAGE = "com.example.blog.migrations";

    @TempDir Path dir;
    Path project;
    URLClassLoader application;
    TestDatabase db;

    @BeforeEach
    void build() throws IOException, SQLException {
        project = SampleProjects.copy("blog", Files.createDirectories(dir.resolve("blog")));
        Path migrations = project.resolve("src/main/java/com/example/blog/migrations");
        Files.writeString(migrations.resolve("M0005_fill_excerpts.java"), """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;
                import dev.keel.migration.MigrationContext;

                import static dev.keel.migration.Operations.*;

                public final class M0005_fill_excerpts extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "0004_fill_post_slug");
                        operations(
                                addField("post", "excerpt", column("excerpt", "varchar(80)").nullable()),
                                runJava("fill", "clear"));
                    }

                    void fill(MigrationContext ctx) throws Exception {
                        try (var st = ctx.connection().createStatement()) {
                            ctx.log(st.executeUpdate("UPDATE " + ctx.table("post").name() + " SET excerpt = left(title, 40)")
                                    + " excerpts filled");
                        }
                    }

                    void clear(MigrationContext ctx) throws Exception {
                        try (var st = ctx.connection().createStatement()) {
                            st.executeUpdate("UPDATE post SET excerpt = NULL");
                        }
                    }
                }
                """);
        Files.writeString(migrations.resolve("M0006_idx_post_excerpt.java"), """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M0006_idx_post_excerpt extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "0005_fill_excerpts");
                        atomic(false);
                        postDeployment();
                        operations(addIndex("post", index("idx_post_excerpt", "excerpt")).concurrently());
                    }
                }
                """);
        Path jar = MigrationJars.jar(project, dir.resolve("blog-app.jar"), "");
        application = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        db = TestPostgres.freshDatabase();
    }

    @AfterEach
    void close() throws Exception {
        application.close();
        db.close();
    }

    private Keel.Configuration configured() {
        return Keel.configure().dataSource(db.dataSource()).migrationsFrom(application, PACKAGE);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); var st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Map<String, String> history(TestDatabase database) throws SQLException {
        var rows = new TreeMap<String, String>();
        try (Connection c = database.connect(); var st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT app, name, checksum FROM keel_migrations")) {
            while (r.next()) {
                rows.put(r.getString(1) + "." + r.getString(2), r.getString(3));
            }
        }
        return rows;
    }

    private static List<String> keys(List<Plan.Planned> planned) {
        return planned.stream().map(p -> p.key().toString()).toList();
    }

    @Test
    void plansMigratesInTwoPhasesAndRecordsWhatKeelMigrateFromTheSourcesRecords() throws Exception {
        var lines = new CopyOnWriteArrayList<String>();
        Keel keel = configured().listener(new MigrateListener() {
            @Override public void finished(MigrationKey key, Action action, Duration took) { lines.add(action.verb() + " " + key); }
            @Override public void log(MigrationKey key, String line) { lines.add(key + ": " + line); }
        }).load();

        Plan plan = keel.plan();
        assertEquals(List.of("blog.0001_initial", "blog.0002_add_post_slug", "blog.0003_idx_post_created_at",
                "blog.0004_fill_post_slug", "blog.0005_fill_excerpts"), keys(plan.migrations()));
        assertEquals(List.of(new Plan.Deferred(new MigrationKey("blog", "0006_idx_post_excerpt"), "post-deployment migration")),
                plan.deferred());
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename IN ('post', 'keel_migrations')"), "plan runs nothing");

        MigrateResult deploy = keel.migrate();
        assertEquals(5, deploy.done().size());
        assertEquals(List.of("Applying blog.0001_initial", "Applying blog.0002_add_post_slug",
                "Applying blog.0003_idx_post_created_at", "Applying blog.0004_fill_post_slug",
                "blog.0005_fill_excerpts: 0 excerpts filled", "Applying blog.0005_fill_excerpts"), lines);
        assertEquals(0, count("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_post_excerpt'"));
        assertEquals(List.of("blog.0006_idx_post_excerpt"), keys(keel.planPostDeploy().migrations()));

        MigrateResult post = keel.migratePostDeploy();
        assertEquals(List.of(new MigrationKey("blog", "0006_idx_post_excerpt")),
                post.done().stream().map(MigrateResult.Done::key).toList());
        assertTrue(keel.migrate().done().isEmpty());
        keel.validate();
        assertTrue(keel.status().migrations().stream().allMatch(s -> s.mark() == MigrationStatus.Mark.APPLIED));
        DriftCheck.Report drift = keel.check();
        assertTrue(drift.clean(), drift.differences().toString());
        assertEquals(6, drift.applied());

        try (TestDatabase fromSources = TestPostgres.freshDatabase()) {
            KeelConfig config = KeelConfig.read(project);
            var database = new dev.keel.runner.Database(fromSources.url(), fromSources.user(), fromSources.password(), null, "");
            try (Migrator m = Migrator.connect(MigrationSet.read(config, project), database, RunnerSettings.defaults(),
                    MigrateListener.silent())) {
                m.migrate(MigrateRequest.all().withPostDeploy());
            }
            assertEquals(history(fromSources), history(db), "the same rows: app, name, checksum");
            assertEquals(6, history(db).size());
            try (Connection a = db.connect(); Connection b = fromSources.connect()) {
                assertEquals(Catalog.read(b), Catalog.read(a));
            }
        }
    }

    @Test
    void refusesAChangedMigrationAMissingClassAndAForkedHistory() throws Exception {
        Keel keel = configured().load();
        keel.migratePostDeploy();
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("UPDATE keel_migrations SET checksum = 'v2:" + "0".repeat(64) + "' WHERE name = '0002_add_post_slug'");
            st.execute("INSERT INTO keel_migrations (app, name, checksum) VALUES ('blog', '0007_gone', 'v2:1')");
        }
        var invalid = assertThrows(KeelException.class, keel::validate);
        assertEquals(ErrorKind.INCONSISTENT_HISTORY, invalid.kind());
        assertEquals(3, invalid.problems().size(), invalid.problems().toString());
        assertTrue(invalid.problems().get(0).startsWith("class com.example.blog.migrations.M0002_add_post_slug: migration"
                + " blog.0002_add_post_slug was applied on "), invalid.problems().get(0));
        assertTrue(invalid.problems().get(1).contains("but no class M0007_gone of app blog is on the class path."),
                invalid.problems().get(1));
        var refused = assertThrows(KeelException.class, keel::migrate);
        assertEquals(4, refused.kind().exitCode());
        assertEquals(invalid.problems(), refused.problems());

        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("DELETE FROM keel_migrations WHERE name = '0007_gone'");
            st.execute("UPDATE keel_migrations SET checksum = '" + keel.migrations().checksum(new MigrationKey("blog",
                    "0002_add_post_slug")) + "' WHERE name = '0002_add_post_slug'");
        }
        Path migrations = project.resolve("src/main/java/com/example/blog/migrations");
        for (String branch : List.of("0007_add_post_views", "0007_add_post_likes")) {
            String field = branch.substring(branch.lastIndexOf('_') + 1);
            Files.writeString(migrations.resolve("M" + branch + ".java"), """
                    package com.example.blog.migrations;

                    import dev.keel.migration.Migration;

                    import static dev.keel.migration.Operations.*;

                    public final class M%s extends Migration {
                        @Override
                        protected void define() {
                            dependsOn("blog", "0006_idx_post_excerpt");
                            operations(addField("post", "%s", column("%s", "integer").nullable()));
                        }
                    }
                    """.formatted(branch, field, field));
        }
        Path forked = MigrationJars.jar(project, dir.resolve("forked.jar"), "");
        try (var loader = new URLClassLoader(new URL[] {forked.toUri().toURL()}, getClass().getClassLoader())) {
            Keel afterMerge = Keel.configure().dataSource(db.dataSource()).migrationsFrom(loader, PACKAGE).load();
            var fork = assertThrows(KeelException.class, afterMerge::migrate);
            assertEquals(ErrorKind.GRAPH, fork.kind());
            assertTrue(fork.getMessage().startsWith("app blog has 2 latest migrations: [0007_add_post_likes,"
                    + " 0007_add_post_views]"), fork.getMessage());
        }
        assertEquals(6, count("SELECT count(*) FROM keel_migrations"), "nothing ran");
        assertEquals(0, count("SELECT count(*) FROM information_schema.columns WHERE column_name IN ('views', 'likes')"));
    }

    @Test
    void waitsForAnotherRunAndGivesUpOnALockAfterItsRetries() throws Exception {
        var notices = new CopyOnWriteArrayList<String>();
        MigrateListener listener = new MigrateListener() {
            @Override public void notice(String message) { notices.add(message); }
        };
        Keel keel = configured().lockTimeout(Duration.ofMillis(150)).statementTimeout(Duration.ofSeconds(3))
                .lockRetries(1, Duration.ofMillis(10)).listener(listener).load();
        try (Connection other = db.connect(); var st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + dev.keel.runner.internal.AdvisoryLock.KEY + ")");
            ExecutorService run = Executors.newSingleThreadExecutor();
            try {
                Future<MigrateResult> waiting = run.submit(() -> keel.migrate());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (notices.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(notices.get(0).startsWith("Waiting for another keel migrate on this database to finish"), notices.toString());
                assertFalse(waiting.isDone());
                st.execute("SELECT pg_advisory_unlock(" + dev.keel.runner.internal.AdvisoryLock.KEY + ")");
                assertEquals(5, waiting.get(30, TimeUnit.SECONDS).done().size());
            } finally {
                run.shutdownNow();
            }
        }
        notices.clear();
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            try (var st = other.createStatement()) {
                st.execute("LOCK TABLE post IN ACCESS EXCLUSIVE MODE");
            }
            var e = assertThrows(KeelException.class, keel::migratePostDeploy);
            assertEquals(ErrorKind.DATABASE, e.kind());
            assertTrue(e.getMessage().contains("could not take its lock within lock_timeout 150ms, 2 times"), e.getMessage());
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains("again in 10ms (retry 1 of 1)"), notices.get(0));
            other.rollback();
        }
    }

    @Test
    void givesTheBorrowedConnectionBackAsItWasLent() throws Exception {
        try (Connection shared = db.connect()) {
            try (var st = shared.createStatement()) {
                st.execute("SET application_name = 'blog-app'; SET lock_timeout = '7s'; SET statement_timeout = '9s';"
                        + " SET synchronous_commit = 'remote_apply'");
            }
            shared.setAutoCommit(false);
            var lent = new ArrayList<String>();
            Keel keel = Keel.configure().dataSource(pool(shared, lent)).migrationsFrom(application, PACKAGE).load();
            keel.migratePostDeploy();
            keel.status();
            assertEquals(List.of("borrowed", "returned", "borrowed", "returned"), lent);
            assertFalse(shared.isClosed());
            assertFalse(shared.getAutoCommit());
            shared.setAutoCommit(true);
            try (var st = shared.createStatement(); ResultSet r = st.executeQuery("SELECT current_setting('application_name'),"
                    + " current_setting('lock_timeout'), current_setting('statement_timeout'), current_setting('synchronous_commit'),"
                    + " (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()),"
                    + " current_setting('client_connection_check_interval'), (SELECT source FROM pg_settings WHERE"
                    + " name = 'tcp_keepalives_count')")) {
                r.next();
                assertEquals(List.of("blog-app", "7s", "9s", "remote_apply", "0", "0", "default"),
                        List.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7)));
            }
        }
    }

    /** A pool of one connection: closing what it lends gives the connection back without closing it. */
    private static DataSource pool(Connection shared, List<String> lent) {
        return new DataSource() {
            @Override
            public Connection getConnection() {
                lent.add("borrowed");
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("close")) {
                                lent.add("returned");
                                return null;
                            }
                            try {
                                return method.invoke(shared, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override public Connection getConnection(String user, String password) { return getConnection(); }
            @Override public PrintWriter getLogWriter() { return null; }
            @Override public void setLogWriter(PrintWriter out) {}
            @Override public void setLoginTimeout(int seconds) {}
            @Override public int getLoginTimeout() { return 0; }
            @Override public Logger getParentLogger() { return Logger.getGlobal(); }
            @Override public <T> T unwrap(Class<T> iface) { throw new UnsupportedOperationException(); }
            @Override public boolean isWrapperFor(Class<?> iface) { return false; }
        };
    }

    @Test
    void namesWhatIsWrongWithTheConfiguration() {
        var noData = assertThrows(IllegalStateException.class, () -> Keel.configure().migrationsFrom(application, PACKAGE).load());
        assertTrue(noData.getMessage().startsWith("no DataSource"), noData.getMessage());
        var noLabel = assertThrows(IllegalArgumentException.class, () -> Keel.configure().migrationsFrom(application, "com.acme.db"));
        assertTrue(noLabel.getMessage().contains("name it with app(\"LABEL\", \"com.acme.db\")"), noLabel.getMessage());
        var empty = assertThrows(KeelException.class, () -> Keel.configure().dataSource(db.dataSource())
                .migrationsFrom(application, "com.example.shop.migrations").load());
        assertEquals(ErrorKind.USAGE, empty.kind());
        assertTrue(empty.getMessage().startsWith("package com.example.shop.migrations: no migration classes"), empty.getMessage());
        var mislabelled = assertThrows(KeelException.class, () -> Keel.configure().dataSource(db.dataSource())
                .classLoader(application).app("news", PACKAGE).load().plan());
        assertEquals(ErrorKind.GRAPH, mislabelled.kind(), "labelled news, the migrations still depend on blog's");
    }

    @Test
    void aPackageWhoseMigrationsCallTheirAppOtherwiseIsNamed() throws IOException {
        Path src = Files.createDirectories(dir.resolve("newsroom/src"));
        Files.writeString(src.resolve("M0001_initial.java"), """
                package com.acme.newsroom.migrations;
                import static dev.keel.migration.Operations.*;
                public final class M0001_initial extends dev.keel.migration.Migration {
                    @Override protected void define() {
                        initial();
                        operations(createSequence(sequence("story_seq").startWith(1).incrementBy(50)));
                    }
                }
                """);
        Files.writeString(src.resolve("M0002_story_seq_by_ten.java"), """
                package com.acme.newsroom.migrations;
                import static dev.keel.migration.Operations.*;
                public final class M0002_story_seq_by_ten extends dev.keel.migration.Migration {
                    @Override protected void define() {
                        dependsOn("news", "0001_initial");
                        operations(runSql("ALTER SEQUENCE story_seq INCREMENT BY 10", "ALTER SEQUENCE story_seq INCREMENT BY 50"));
                    }
                }
                """);
        ClassLoader newsroom = dev.keel.load.MigrationCompiler.compileFolder(src, dir.resolve("newsroom/classes"));
        var e = assertThrows(KeelException.class, () -> Keel.configure().dataSource(db.dataSource())
                .migrationsFrom(newsroom, "com.acme.newsroom.migrations").load());
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals("package com.acme.newsroom.migrations: its migrations call their app \"news\" (M0002_story_seq_by_ten"
                + " depends on news.0001_initial), not \"newsroom\" as the package's name says.\nTo fix: configure it as"
                + " app(\"news\", \"com.acme.newsroom.migrations\").", e.getMessage());
        Keel keel = Keel.configure().dataSource(db.dataSource()).classLoader(newsroom).app("news", "com.acme.newsroom.migrations").load();
        assertEquals(2, keel.migrate().done().size());
    }
}
