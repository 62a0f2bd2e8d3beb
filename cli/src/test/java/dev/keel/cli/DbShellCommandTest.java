package dev.keel.cli;

import dev.keel.error.KeelException;
import dev.keel.runner.EmbeddedDatabase;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.cli.KeelRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code keel dbshell} runs the real psql: on the configured database (with a password the server checks, handed
 * over in PGPASSWORD and not on psql's command line), on the embedded one (started and stopped around it), with
 * the arguments after {@code --}, ending with psql's exit code; a clear error when there is no psql.
 */
class DbShellCommandTest {
    static final String NL = System.lineSeparator();

    @TempDir Path dir;

    private KeelRun keel(String... args) throws Exception {
        KeelRun.project(dir);
        var all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        return run(KeelRun.source(), all.toArray(String[]::new));
    }

    @Test
    void runsPsqlOnTheConfiguredDatabaseWithTheArgumentsAfterDoubleDash() throws Exception {
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            Path out = dir.resolve("out.txt");
            KeelRun r = keel("dbshell", "--url=" + SampleProject.url(db), "--", "-X", "-A", "-t", "-o", out.toString(),
                    "-c", "select current_database() || '|' || current_user || '|' || current_setting('application_name')");
            assertEquals(0, r.exit(), r.err());
            assertEquals(db.name() + "|" + db.user() + "|keel dbshell", Files.readString(out).strip());
        }
    }

    @Test
    void theExitCodeIsPsqls() throws Exception {
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String url = "--url=" + SampleProject.url(db);
            assertEquals(1, keel("dbshell", url, "--", "-X", "-q", "-c", "select 1/0").exit(), "a failed command: 1");
            Path script = Files.writeString(dir.resolve("fix.sql"), "create table t (id int);\nselect nonsense;\ncreate table u (id int);\n");
            assertEquals(3, keel("dbshell", url, "--", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script.toString()).exit(),
                    "a script stopped by ON_ERROR_STOP: 3");
            try (Connection c = db.connect(); var st = c.createStatement();
                 var rs = st.executeQuery("select to_regclass('t') is not null, to_regclass('u') is null")) {
                rs.next();
                assertTrue(rs.getBoolean(1) && rs.getBoolean(2), "psql ran the script on the configured database");
            }
            String closed = "--url=jdbc:postgresql://127.0.0.1:1/none?user=x";
            assertEquals(2, keel("dbshell", closed, "--", "-X", "-c", "select 1").exit(), "a failed connection: psql's 2");
        }
    }

    /** A role that logs in with a password only (the test server trusts every other user). */
    private static final String ROLE = "keel_dbshell_probe";
    private static final String ROLE_PASSWORD = "dbsh3ll-Pa$$";

    @Test
    void thePasswordGoesInTheEnvironmentNotOnTheCommandLine() throws Exception {
        assumeTrue(System.getenv(TestPostgres.URL_ENV) == null, "changes pg_hba.conf: only on the embedded test server");
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            requirePassword(db);
            String base = db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + ROLE;
            Path argv = dir.resolve("argv");
            Path environ = dir.resolve("environ");
            KeelRun r = keel("dbshell", "--url=" + base + "&password=" + ROLE_PASSWORD.replace("$", "%24"), "--", "-X",
                    "-c", "\\! cat /proc/$PPID/cmdline > " + argv + "; tr '\\0' '\\n' < /proc/$PPID/environ > " + environ);
            assertEquals(0, r.exit(), r.err());
            String commandLine = Files.readString(argv);
            assertTrue(commandLine.contains("psql"), commandLine);
            assertFalse(commandLine.contains(ROLE_PASSWORD) || commandLine.contains(ROLE), commandLine);
            List<String> env = Files.readAllLines(environ);
            assertTrue(env.contains("PGPASSWORD=" + ROLE_PASSWORD) && env.contains("PGUSER=" + ROLE), env.toString());

            KeelRun wrong = keel("dbshell", "--url=" + base + "&password=wrong", "--", "-X", "-c", "select 1");
            assertEquals(2, wrong.exit(), "the server checked the password: " + wrong.err());
        }
    }

    private static void requirePassword(TestDatabase db) throws Exception {
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
                        + "local all " + ROLE + " scram-sha-256\n" + hba.replace('\t', ' ');
                st.execute("COPY (SELECT unnest(string_to_array('" + lines.replace("'", "''") + "', E'\\n'))) TO '"
                        + file.replace("'", "''") + "'");
                st.execute("SELECT pg_reload_conf()");
            }
        }
    }

    @Test
    void startsTheEmbeddedDatabaseForTheSessionAndStopsItAfter() throws Exception {
        Path out = dir.resolve("out.txt");
        KeelRun r = keel("dbshell", "--", "-X", "-A", "-t", "-o", out.toString(), "-c",
                "select current_database() || '|' || current_user");
        assertEquals(0, r.exit(), r.err());
        assertEquals("postgres|postgres", Files.readString(out).strip());
        assertEquals(EmbeddedDatabase.NOTICE + NL, r.err());
        assertTrue(EmbeddedDatabase.exists(dir));
        assertFalse(Files.exists(dir.resolve(EmbeddedDatabase.FOLDER).resolve("postmaster.pid")), "stopped after psql");
        assertEquals("", keel("-v", "0", "dbshell", "--", "-X", "-q", "-c", "select 1", "-o", out.toString()).err(),
                "no notice at -v 0");
    }

    @Test
    void noPsqlIsAClearErrorWithHowToInstallIt() throws Exception {
        KeelRun r = keel("dbshell", "--psql", dir.resolve("no-such-psql").toString());
        assertEquals(6, r.exit(), "a program keel runs is not installed");
        assertTrue(r.err().startsWith("error: --psql " + dir.resolve("no-such-psql") + ": no such program"), r.err());
        assertTrue(r.err().contains("To fix: install PostgreSQL's client programs (Debian, Ubuntu: sudo apt-get install"
                + " postgresql-client;"), r.err());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        var e = assertThrows(KeelException.class, () -> Psql.find(null, empty.toString(), dir.resolve("none")));
        assertTrue(e.getMessage().startsWith("keel dbshell runs PostgreSQL's psql, and there is none on the PATH nor in "),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve(EmbeddedDatabase.FOLDER)), "no embedded server started without psql");
    }

    @Test
    void psqlIsFoundOnThePathThenInDebiansVersionFolders() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path onPath = Files.writeString(bin.resolve("psql"), "#!/bin/sh\n");
        onPath.toFile().setExecutable(true);
        Path versions = dir.resolve("versions");
        for (String v : List.of("9.6", "13", "15")) {
            Path p = Files.writeString(Files.createDirectories(versions.resolve(v).resolve("bin")).resolve("psql"), "#!/bin/sh\n");
            p.toFile().setExecutable(true);
        }
        assertEquals(onPath, Psql.find(null, dir.resolve("empty") + java.io.File.pathSeparator + bin, versions));
        assertEquals(versions.resolve("15/bin/psql"), Psql.find(null, dir.resolve("empty").toString(), versions));
        assertEquals(onPath, Psql.find("psql", bin.toString(), null));
    }
}
