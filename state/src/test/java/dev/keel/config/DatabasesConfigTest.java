package dev.keel.config;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code keel.json}'s {@code "databases"}: names, targets, and the single {@code "database"} form kept working. */
class DatabasesConfigTest {
    private static final String APPS = "\"apps\": [{\"label\": \"blog\", \"package\": \"a.b\"}]";

    private static KeelConfig parse(String rest) {
        return KeelConfig.parse("{" + APPS + (rest.isEmpty() ? "" : ", " + rest) + "}", "keel.json");
    }

    private static KeelException usage(String rest) {
        KeelException e = assertThrows(KeelException.class, () -> parse(rest));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals(2, e.kind().exitCode());
        return e;
    }

    @Test
    void theSingleDatabaseFormIsTheDatabaseNamedDefault() {
        KeelConfig c = parse("\"database\": {\"url\": \"jdbc:postgresql://db/blog\", \"user\": \"app\"}");
        assertEquals(List.of("default"), c.databaseNames());
        assertFalse(c.severalDatabases());
        assertEquals("jdbc:postgresql://db/blog", c.requireDatabase("default").url());
        assertEquals(c.database(), c.requireDatabase("default"));
        assertEquals(List.of("default"), parse("").databaseNames());
    }

    @Test
    void severalDatabasesWithTargetsThatInheritUserAndPasswordVariable() {
        KeelConfig c = parse("""
                "databases": {
                  "default": {"url": "jdbc:postgresql://db/app"},
                  "control": {"url": "jdbc:postgresql://control/control", "lockTimeout": "1s"},
                  "region": {"user": "app", "passwordEnv": "REGION_PW", "targets": [
                    {"name": "us-east", "url": "jdbc:postgresql://us/app"},
                    {"name": "eu-west", "url": "jdbc:postgresql://eu/app", "user": "eu", "passwordEnv": "EU_PW"}]}
                }""");
        assertEquals(List.of("default", "control", "region"), c.databaseNames());
        assertTrue(c.severalDatabases());
        assertEquals("1s", c.requireDatabase("control").lockTimeout());
        DatabaseConfig region = c.requireDatabase("region");
        assertTrue(region.hasTargets());
        assertTrue(region.configured());
        assertEquals(List.of(new TargetConfig("us-east", "jdbc:postgresql://us/app", "app", "REGION_PW"),
                new TargetConfig("eu-west", "jdbc:postgresql://eu/app", "eu", "EU_PW")), region.targets());
        KeelException unknown = assertThrows(KeelException.class, () -> c.requireDatabase("reporting"));
        assertEquals(ErrorKind.USAGE, unknown.kind());
        assertTrue(unknown.getMessage().contains("no database \"reporting\" in keel.json. Databases: [default, control, region]"),
                unknown.getMessage());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheKey() {
        assertTrue(usage("\"database\": {\"url\": \"jdbc:postgresql://a/b\"}, \"databases\": {\"x\": {}}").getMessage()
                .contains("\"database\" and \"databases\" are both given"));
        assertTrue(usage("\"databases\": {}").getMessage().contains("\"databases\" must name at least one database"));
        assertTrue(usage("\"databases\": {\"Control\": {}}").getMessage()
                .contains("database name \"Control\" must be lower case letters, digits and _"));
        String twice = usage("\"databases\": {\"r\": {\"targets\": [{\"name\": \"a\", \"url\": \"jdbc:postgresql://a/b\"},"
                + " {\"name\": \"a\", \"url\": \"jdbc:postgresql://c/d\"}]}}").getMessage();
        assertTrue(twice.contains("target name \"a\" appears twice in \"targets\""), twice);
        assertTrue(twice.startsWith("keel.json:"), twice);
        assertTrue(usage("\"databases\": {\"r\": {\"targets\": [{\"name\": \"a\", \"url\": \"mysql://a/b\"}]}}").getMessage()
                .contains("the url of target \"a\" must be a PostgreSQL JDBC URL"));
        assertTrue(usage("\"databases\": {\"r\": {\"targets\": [{\"url\": \"jdbc:postgresql://a/b\"}]}}").getMessage()
                .contains("\"targets[].name\" is required"));
        assertTrue(usage("\"databases\": {\"r\": {\"targets\": []}}").getMessage()
                .contains("\"targets\" must list at least one target"));
        String both = usage("\"databases\": {\"r\": {\"url\": \"jdbc:postgresql://a/b?password=pw1\", \"targets\": ["
                + "{\"name\": \"a\", \"url\": \"jdbc:postgresql://a/b\"}]}}").getMessage();
        assertTrue(both.contains("a database with \"targets\" takes each target's url"), both);
        assertFalse(both.contains("pw1"), both);
        assertTrue(usage("\"databases\": {\"r\": {\"targets\": [{\"name\": \"a\", \"url\": \"jdbc:postgresql://a/b\","
                + " \"pasword\": \"x\"}]}}").getMessage().contains("unknown key \"pasword\""));
    }
}
