package dev.keel.runner.junit;

import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import dev.keel.graph.MigrationTarget;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.internal.harness.HarnessPostgres;
import dev.keel.runner.internal.harness.PostgresServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A migration test without annotations: the project, the app, and the migrations to go
 * {@code from} and {@code to}. {@link #start()} gives a fresh database migrated to {@code from}
 * (copied from a cached template database when one exists for migrations that do the same), to seed
 * through {@link MigrationRun#before()}, migrate with {@link MigrationRun#migrate()} and check.
 *
 * <pre>{@code
 * try (MigrationRun run = MigrationHarness.project(Path.of(".")).app("news").from("0002").to("0003").start()) {
 *     run.before().insert("article", Map.of("id", 1L, "body", "a b c"));
 *     HistoricalDatabase after = run.migrate();
 *     assertEquals(3, after.rows("article").get(0).get("wordCount"));
 * }
 * }</pre>
 *
 * The server is the one {@code KEEL_TEST_DB_URL} names (with {@code KEEL_TEST_DB_USER},
 * {@code KEEL_TEST_DB_PASSWORD}), or else an embedded PostgreSQL kept in the project's
 * {@code .keel/test-pg}, so that templates outlive the test run.
 */
public final class MigrationHarness {
    private final Path project;
    private String app;
    private String from;
    private String to;
    private PostgresServer server;
    private MigrateListener listener = MigrateListener.silent();

    private MigrationHarness(Path project) {
        this.project = Objects.requireNonNull(project, "project");
    }

    /** A harness for the keel project (the folder of {@code keel.json}) {@code dir}. */
    public static MigrationHarness project(Path dir) {
        return new MigrationHarness(dir);
    }

    /** The app whose migrations {@link #from} and {@link #to} name. */
    public MigrationHarness app(String label) {
        this.app = label;
        return this;
    }

    /** Where the test database starts: a migration name, a unique prefix ({@code 0002}), or {@code zero}. */
    public MigrationHarness from(String migration) {
        this.from = migration;
        return this;
    }

    /** Where {@link MigrationRun#migrate()} takes it: forwards or backwards from {@link #from}. */
    public MigrationHarness to(String migration) {
        this.to = migration;
        return this;
    }

    /** Uses the server of {@code url} (any database on it) instead of the default; the user must be allowed to create databases. */
    public MigrationHarness server(String url, String user, String password) {
        this.server = PostgresServer.of(url, user, password);
        return this;
    }

    /** Where the migrations' output goes ({@code ctx.log}, progress); by default nowhere. */
    public MigrationHarness listener(MigrateListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /**
     * Makes a database migrated to {@code from}, from a template database made on first use for the
     * migration files up to {@code from}, and opens it.
     *
     * @throws dev.keel.error.KeelException when the project, the app or a migration name is wrong
     * @throws Exception when the database cannot be made or migrated
     */
    public MigrationRun start() throws Exception {
        if (app == null || from == null || to == null) {
            throw new IllegalStateException("a migration test needs app, from and to: MigrationHarness.project(dir)"
                    + ".app(\"blog\").from(\"0002\").to(\"0003\")");
        }
        KeelConfig config = KeelConfig.read(project);
        config.requireApp(app);
        MigrationSet set = MigrationSet.read(config, project);
        MigrationGraph graph = set.graph(Set.of());
        MigrationTarget start = graph.resolve(app, from);
        MigrationTarget end = graph.resolve(app, to);
        List<MigrationSpec> upToStart = start.isZero() ? List.of() : graph.forwardsPlan(Set.of(), List.of(start.key()));
        PostgresServer s = server != null ? server : HarnessPostgres.resolve(project, System.getenv());
        var point = new MigrationRun.Point(app, start, end, upToStart, hash(set, upToStart),
                app + " at " + start + " in " + project.toAbsolutePath().normalize());
        return MigrationRun.open(s, set, graph, point, listener);
    }

    /** SHA-256 of the keys and checksums (of what each does) of the migrations a template is migrated through. */
    static String hash(MigrationSet set, List<MigrationSpec> migrations) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("keel migration template v1\n".getBytes(StandardCharsets.UTF_8));
            migrations.stream().map(MigrationSpec::key).sorted().forEach(k ->
                    sha.update((k + " " + set.checksum(k) + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MigrationHarness[" + project + ", " + app + " " + from + " -> " + to + "]";
    }

    /** The keys of {@code migrations}, for messages. */
    static List<MigrationKey> keys(List<MigrationSpec> migrations) {
        return migrations.stream().map(MigrationSpec::key).toList();
    }
}
