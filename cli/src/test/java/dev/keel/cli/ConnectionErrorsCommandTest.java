package dev.keel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel migrate on a database it cannot reach: the cause, named, and its fix (exit 5). */
class ConnectionErrorsCommandTest {
    @TempDir Path dir;

    private Path blogWithDatabase(String database) throws IOException {
        Path blog = SampleProject.copy("blog", dir.resolve("blog"));
        Path file = blog.resolve("keel.json");
        Files.writeString(file, Files.readString(file).replace("\"naming\": \"snake_case\",",
                "\"naming\": \"snake_case\",\n  \"database\": " + database + ","));
        return blog;
    }

    private static KeelRun migrate(Path project, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "-C";
        args[1] = project.toString();
        args[2] = "migrate";
        System.arraycopy(more, 0, args, 3, more.length);
        return KeelRun.run(MigrationSource.standard(), args);
    }

    @Test
    void aPasswordVariableThatIsNotSetIsNamedNotAServerToStart() throws IOException {
        String variable = "KEEL_TEST_NEVER_SET_PASSWORD";
        Path blog = blogWithDatabase("{\"url\": \"jdbc:postgresql://127.0.0.1:5432/blog\", \"user\": \"blog_app\","
                + " \"passwordEnv\": \"" + variable + "\"}");
        KeelRun r = migrate(blog);
        assertEquals(5, r.exit(), r.err());
        assertEquals("error: cannot connect to the database at jdbc:postgresql://127.0.0.1:5432/blog as blog_app: the"
                + " environment variable " + variable + ", which database.passwordEnv in keel.json names for the password,"
                + " is not set.\nTo fix: export " + variable + "=... (the password of user blog_app) in the shell that runs"
                + " keel, or name the variable that holds it in database.passwordEnv in keel.json.\n", r.err());
    }

    @Test
    void aRefusedPortAndAnUnknownHostAreNamed() throws IOException {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path blog = blogWithDatabase("{\"url\": \"jdbc:postgresql://127.0.0.1:" + port + "/blog?user=blog_app&password=s3cr%3Ft\"}");
        KeelRun refused = migrate(blog);
        assertEquals(5, refused.exit(), refused.err());
        assertTrue(refused.err().contains("127.0.0.1:" + port + " refuses connections: no PostgreSQL listens there.\nTo fix:"
                + " start PostgreSQL on 127.0.0.1:" + port + ", or correct the host and port in database.url in keel.json."),
                refused.err());
        assertFalse(refused.err().contains("s3cr"), refused.err());

        KeelRun unknown = migrate(blog, "--url", "jdbc:postgresql://pg.keel-test.invalid:5432/blog");
        assertEquals(5, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("the host name pg.keel-test.invalid does not resolve"), unknown.err());
        assertTrue(unknown.err().contains("To fix: correct the host in --url"), unknown.err());
    }
}
