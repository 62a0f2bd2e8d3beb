package dev.keel.runner;

import dev.keel.config.DatabaseConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the runner connects, and how it says it cannot: each cause named, with its fix. */
class DatabaseTest {
    /** A port nothing listens on. */
    private static int closedPort() throws Exception {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static KeelException failure(Database db) {
        var e = assertThrows(KeelException.class, () -> db.connect("keel test").close());
        assertEquals(ErrorKind.DATABASE, e.kind());
        assertEquals(5, e.kind().exitCode());
        return e;
    }

    /** The test server's host and port, from a test database's URL ({@code jdbc:postgresql://localhost:PORT/NAME}). */
    private static String server(TestDatabase db) {
        String rest = db.url().substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    /** A role that logs in with {@code password} only: the test server trusts every other user. */
    private static final String ROLE = "keel_auth_probe";
    private static final String ROLE_PASSWORD = "right-Pa$$w0rd";

    private static TestDatabase withPasswordRole() throws SQLException {
        assumeTrue(System.getenv(TestPostgres.URL_ENV) == null, "changes pg_hba.conf: only on the embedded test server");
        TestDatabase db = TestPostgres.freshDatabase();
        try (Connection c = db.connect(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + ROLE + "'");
            rs.next();
            if (rs.getInt(1) == 0) {
                st.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'");
            }
            rs = st.executeQuery("SELECT current_setting('hba_file'), pg_read_file(current_setting('hba_file'))");
            rs.next();
            String file = rs.getString(1);
            String hba = rs.getString(2);
            if (!hba.contains(ROLE)) {
                String lines = "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\nhost all " + ROLE + " ::1/128 scram-sha-256\n"
                        + hba.replace('\t', ' ');
                st.execute("COPY (SELECT unnest(string_to_array('" + lines.replace("'", "''") + "', E'\\n'))) TO '"
                        + file.replace("'", "''") + "'");
                st.execute("SELECT pg_reload_conf()");
            }
        }
        return db;
    }

    /** The driver classes set up ahead are this driver's: a version that renamed one would make the list stale. */
    @Test
    void theDriverClassesSetUpAheadAreThisDriversAndAConnectionFollows() throws Exception {
        for (String name : Database.DRIVER_CLASSES) {
            assertEquals(name, Class.forName(name, false, Database.class.getClassLoader()).getName());
        }
        Database.prepareDriver();
        Database.prepareDriver(); // again: nothing to do
        try (TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void anUnsetPasswordVariableIsNamedWithTheExportToRun() throws Exception {
        var config = new DatabaseConfig("jdbc:postgresql://127.0.0.1:" + closedPort() + "/blog", "app", "KEEL_TEST_UNSET_PW",
                null, null);
        var e = failure(Database.configured(config, null, Map.of()).orElseThrow());
        assertTrue(e.getMessage().contains(" as app: the environment variable KEEL_TEST_UNSET_PW, which database.passwordEnv"
                + " in keel.json names for the password, is not set."), e.getMessage());
        assertTrue(e.getMessage().contains("To fix: export KEEL_TEST_UNSET_PW=... (the password of user app) in the shell"
                + " that runs keel"), e.getMessage());
        assertFalse(e.getMessage().contains("start PostgreSQL"), e.getMessage());
    }

    @Test
    void aRefusedConnectionNamesHostAndPortWithoutThePassword() throws Exception {
        int port = closedPort();
        var config = new DatabaseConfig("jdbc:postgresql://127.0.0.1:" + port + "/blog?password=hunter2", "app",
                "KEEL_DB_PASSWORD", null, null);
        Database db = Database.configured(config, null, Map.of("KEEL_DB_PASSWORD", "s3cr3t")).orElseThrow();
        var e = failure(db);
        assertTrue(e.getMessage().startsWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:" + port
                + "/blog?password=*** as app: 127.0.0.1:" + port + " refuses connections: no PostgreSQL listens there."),
                e.getMessage());
        assertTrue(e.getMessage().contains("To fix: start PostgreSQL on 127.0.0.1:" + port + ", or correct the host and port"
                + " in database.url in keel.json."), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(db.toString().contains("hunter2"), db.toString());
    }

    @Test
    void anUnknownHostIsNamed() {
        var config = new DatabaseConfig("jdbc:postgresql://db.keel-test.invalid:5432/blog", "app", null, null, null);
        var e = failure(Database.configured(config, "jdbc:postgresql://db.keel-test.invalid/blog", Map.of()).orElseThrow());
        assertTrue(e.getMessage().contains(": the host name db.keel-test.invalid does not resolve"), e.getMessage());
        assertTrue(e.getMessage().contains("To fix: correct the host in --url"), e.getMessage());
    }

    @Test
    void aMissingDatabaseIsNamed() throws Exception {
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String url = "jdbc:postgresql://" + server(db) + "/keel_no_such_db";
            var e = failure(new Database(url, db.user(), db.password(), null, Database.Origin.keelJson("database")));
            assertTrue(e.getMessage().contains(": the database \"keel_no_such_db\" does not exist on " + server(db) + "."),
                    e.getMessage());
            assertTrue(e.getMessage().contains("To fix: create it (createdb -h "), e.getMessage());
            assertTrue(e.getMessage().contains("or correct the database name in database.url in keel.json."), e.getMessage());
        }
    }

    @Test
    void aWrongPasswordForTheUserInTheUrlNamesThatUserAndWhereThePasswordCameFrom() throws Exception {
        try (TestDatabase db = withPasswordRole()) {
            String url = db.url() + "?user=" + ROLE;
            var e = failure(Database.configured(new DatabaseConfig(url, null, "KEEL_TEST_PW", null, null), null,
                    Map.of("KEEL_TEST_PW", "wrong")).orElseThrow());
            assertTrue(e.getMessage().contains(": password authentication failed for user " + ROLE + " (the user in"
                    + " database.url in keel.json); keel took the password from the environment variable KEEL_TEST_PW"
                    + " (database.passwordEnv in keel.json)."), e.getMessage());
            assertTrue(e.getMessage().contains("To fix: put the password of user " + ROLE + " in KEEL_TEST_PW"), e.getMessage());
            assertFalse(e.getMessage().contains("default user"), e.getMessage());

            var inUrl = failure(Database.configured(new DatabaseConfig(url + "&password=wr%26ng", "someone", null, null, null),
                    null, Map.of()).orElseThrow());
            assertTrue(inUrl.getMessage().contains("password authentication failed for user " + ROLE + " (the user in"
                    + " database.url in keel.json); keel took the password from the password parameter of database.url"),
                    inUrl.getMessage());
            assertTrue(inUrl.getMessage().contains("password=***"), inUrl.getMessage());

            var none = failure(Database.configured(new DatabaseConfig(db.url(), ROLE, null, null, null), null, Map.of())
                    .orElseThrow());
            assertTrue(none.getMessage().contains("the server asks user " + ROLE + " for a password (the user of database.user"
                    + " in keel.json); keel sent no password"), none.getMessage());
            assertTrue(none.getMessage().contains("name that variable in database.passwordEnv in keel.json."), none.getMessage());

            try (Connection right = Database.configured(new DatabaseConfig(db.url(), ROLE, "KEEL_TEST_PW", null, null), null,
                    Map.of("KEEL_TEST_PW", ROLE_PASSWORD)).orElseThrow().connect("keel test")) {
                assertTrue(right.isValid(5));
            }
        }
    }

    @Test
    void theUserAndPasswordMayBeWrittenBeforeTheHost() throws Exception {
        try (TestDatabase db = withPasswordRole()) {
            String rest = db.url().substring("jdbc:postgresql://".length());
            String encoded = java.net.URLEncoder.encode(ROLE_PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
            Database database = new Database("jdbc:postgresql://" + ROLE + ":" + encoded + "@" + rest, null, null, null,
                    Database.Origin.keelJson("database"));
            try (Connection c = database.connect("keel test"); var st = c.createStatement()) {
                var rs = st.executeQuery("SELECT current_user");
                rs.next();
                assertEquals(ROLE, rs.getString(1));
            }
            assertEquals("jdbc:postgresql://" + ROLE + ":***@" + rest, database.displayUrl());
            var wrong = failure(new Database("jdbc:postgresql://" + ROLE + ":nope@" + rest, "ignored", null, null,
                    Database.Origin.keelJson("database")));
            assertTrue(wrong.getMessage().contains("password authentication failed for user " + ROLE + " (the user in"
                    + " database.url in keel.json); keel took the password from database.url in keel.json (USER:PASSWORD@HOST)"),
                    wrong.getMessage());
            assertFalse(wrong.getMessage().contains("nope"), wrong.getMessage());
        }
    }

    @Test
    void urlOverrideAndNoUrl() {
        var config = new DatabaseConfig("jdbc:postgresql://db/blog", null, null, null, null);
        assertEquals("jdbc:postgresql://other/x", Database.configured(config, "jdbc:postgresql://other/x", Map.of())
                .orElseThrow().displayUrl());
        assertTrue(Database.configured(DatabaseConfig.none(), null, Map.of()).isEmpty());
        var bad = assertThrows(KeelException.class, () -> Database.configured(DatabaseConfig.none(), "mysql://x", Map.of()));
        assertEquals(ErrorKind.USAGE, bad.kind());
    }

    @Test
    void settingsComeFromKeelJson() {
        RunnerSettings s = RunnerSettings.of(new DatabaseConfig(null, null, null, "500ms", "1min"));
        assertEquals(500, s.lockTimeout().toMillis());
        assertEquals(60_000, s.statementTimeout().toMillis());
        assertEquals(2_000, RunnerSettings.defaults().lockTimeout().toMillis());
        assertEquals(5_000, RunnerSettings.defaults().statementTimeout().toMillis());
    }
}
