package dev.keel.config;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel.json: optional keys take their defaults; mistakes name file:line. */
class KeelConfigTest {
    @Test
    void theBriefsExampleParsesWithoutBeanValidation() {
        KeelConfig c = KeelConfig.parse("""
                {
                  "sourceRoots": ["src/main/java"],
                  "naming": "snake_case",
                  "apps": [
                    {"label": "blog", "package": "com.acme.blog", "migrationsPackage": "com.acme.blog.migrations"}
                  ],
                  "database": {"url": "jdbc:postgresql://localhost:5432/blog", "user": "app", "passwordEnv": "KEEL_DB_PASSWORD"}
                }
                """, "keel.json");
        assertFalse(c.beanValidation());
        assertEquals("com.acme.blog.migrations", c.requireApp("blog").migrationsPackage());
    }

    @Test
    void beanValidationCanBeTurnedOn() {
        KeelConfig c = KeelConfig.parse("{\"beanValidation\": true, \"apps\": [{\"label\": \"blog\", \"package\": \"a.b\"}]}",
                "keel.json");
        assertTrue(c.beanValidation());
    }

    @Test
    void unknownKeyNamesFileAndLine() {
        KeelException e = assertThrows(KeelException.class, () -> KeelConfig.parse(
                "{\n  \"apps\": [{\"label\": \"blog\", \"package\": \"a.b\"}],\n  \"beanValidaton\": true\n}", "keel.json"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("keel.json:3:3: unknown key \"beanValidaton\""), e.getMessage());
        assertTrue(e.getMessage().contains("Known keys here: [apps, beanValidation, database, databases, hibernate, largeTables, libraries, migrations, naming, sourceRoots]"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key \"beanValidaton\""), e.getMessage());
    }

    @Test
    void largeTablesAreTableNamesAndDefaultToNone() {
        String apps = "\"apps\": [{\"label\": \"blog\", \"package\": \"a.b\"}]";
        assertEquals(java.util.List.of(), KeelConfig.parse("{" + apps + "}", "keel.json").largeTables());
        KeelConfig c = KeelConfig.parse("{" + apps + ", \"largeTables\": [\"event\", \"audit.log\"]}", "keel.json");
        assertEquals(java.util.List.of("event", "audit.log"), c.largeTables());
        KeelException e = assertThrows(KeelException.class,
                () -> KeelConfig.parse("{" + apps + ", \"largeTables\": [\"\"]}", "keel.json"));
        assertTrue(e.getMessage().contains("\"largeTables\" must list table names"), e.getMessage());
    }

    @Test
    void migrationsClasspathListsFoldersAndJarsAndDefaultsToTheSources() {
        String apps = "\"apps\": [{\"label\": \"blog\", \"package\": \"a.b\"}]";
        assertEquals(java.util.List.of(), KeelConfig.parse("{" + apps + "}", "keel.json").migrations().classpath());
        KeelConfig c = KeelConfig.parse("{" + apps + ", \"migrations\": {\"classpath\": [\"target/app.jar\", \"lib\"]}}",
                "keel.json");
        assertEquals(java.util.List.of("target/app.jar", "lib"), c.migrations().classpath());
        KeelException blank = assertThrows(KeelException.class,
                () -> KeelConfig.parse("{" + apps + ", \"migrations\": {\"classpath\": [\" \"]}}", "keel.json"));
        assertTrue(blank.getMessage().contains("\"migrations.classpath\" must list folders and jars"), blank.getMessage());
        KeelException unknown = assertThrows(KeelException.class,
                () -> KeelConfig.parse("{" + apps + ", \"migrations\": {\"classPath\": []}}", "keel.json"));
        assertTrue(unknown.getMessage().contains("unknown key \"classPath\""), unknown.getMessage());
    }

    @Test
    void librariesAreReadAlikeWithAndWithoutJacksonAndABlankOneIsRefused() {
        String json = "{\"apps\": [{\"label\": \"a\", \"package\": \"a\"}], \"libraries\": [\"lib/*.jar\", \"@cp.txt\"]}";
        KeelConfig plain = KeelConfig.parse(json, "keel.json");
        assertEquals(java.util.List.of("lib/*.jar", "@cp.txt"), plain.libraries());
        assertEquals(plain, KeelConfig.parseWithJackson(json, "keel.json"));
        assertEquals(java.util.List.of("lib/*.jar", "@cp.txt", "/m2/x.jar"), plain.withLibraries(java.util.List.of("/m2/x.jar")).libraries());
        assertEquals(plain.withLibraries(java.util.List.of()), plain);
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.keel.error.KeelException.class, () -> KeelConfig.parse(
                "{\"apps\": [{\"label\": \"a\", \"package\": \"a\"}], \"libraries\": [\" \"]}", "keel.json"));
        assertTrue(e.getMessage().contains("\"libraries\" must list jars"), e.getMessage());
    }
}
