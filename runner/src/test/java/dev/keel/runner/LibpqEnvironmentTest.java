package dev.keel.runner;

import dev.keel.config.DatabaseConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How keel hands a database's connection to psql ({@code keel dbshell}): libpq's environment variables. */
class LibpqEnvironmentTest {
    private static Map<String, String> env(String url, String user, String passwordEnv, Map<String, String> vars) {
        var config = new DatabaseConfig(url, user, passwordEnv, null, null);
        return Database.configured(config, null, vars).orElseThrow().libpqEnvironment("keel dbshell");
    }

    @Test
    void hostPortDatabaseUserAndThePasswordFromItsVariable() {
        assertEquals(Map.of("PGHOST", "db.example.com", "PGPORT", "6432", "PGDATABASE", "shop", "PGUSER", "app",
                        "PGPASSWORD", "s3 cr3t", "PGAPPNAME", "keel dbshell"),
                env("jdbc:postgresql://db.example.com:6432/shop", "app", "SHOP_PW", Map.of("SHOP_PW", "s3 cr3t")));
    }

    @Test
    void theUrlsUserAndPasswordWinAsTheDriverReadsThem() {
        Map<String, String> e = env("jdbc:postgresql://u%40x:p%3Aw@localhost/db?sslmode=require&sslrootcert=/ca.pem"
                + "&connectTimeout=3&currentSchema=billing", "ignored", null, Map.of());
        assertEquals("u@x", e.get("PGUSER"));
        assertEquals("p:w", e.get("PGPASSWORD"));
        assertEquals("localhost", e.get("PGHOST"));
        assertEquals("5432", e.get("PGPORT"));
        assertEquals("require", e.get("PGSSLMODE"));
        assertEquals("/ca.pem", e.get("PGSSLROOTCERT"));
        assertEquals("3", e.get("PGCONNECT_TIMEOUT"));
        assertEquals("-c search_path=billing", e.get("PGOPTIONS"));
        assertEquals("p:w", env("jdbc:postgresql://localhost/db?user=a&password=p:w", null, null, Map.of()).get("PGPASSWORD"));
    }

    @Test
    void severalHostsBecomeLibpqsListsAndIpv6LosesItsBrackets() {
        Map<String, String> e = env("jdbc:postgresql://a.example:5433,[::1],b.example/db", null, null, Map.of());
        assertEquals("a.example,::1,b.example", e.get("PGHOST"));
        assertEquals("5433,5432,5432", e.get("PGPORT"));
        assertFalse(e.containsKey("PGUSER") || e.containsKey("PGPASSWORD"), e.toString());
    }

    @Test
    void anUnsetPasswordVariableIsTheSameErrorAsForKeelsOwnConnection() {
        var e = assertThrows(KeelException.class, () -> env("jdbc:postgresql://localhost/db", "app", "NOT_SET_PW", Map.of()));
        assertEquals(ErrorKind.DATABASE, e.kind());
        assertTrue(e.getMessage().contains("the environment variable NOT_SET_PW, which database.passwordEnv in keel.json"
                + " names for the password, is not set."), e.getMessage());
    }
}
