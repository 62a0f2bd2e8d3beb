package dev.keel.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keel.json read without Jackson ({@link PlainKeelJson}) gives exactly what Jackson gives, and leaves to Jackson
 * every text it does not read the same way: the outcome of {@link KeelConfig#parse} (the configuration, or the
 * error's message) is that of Jackson alone for every keel.json of the repository, for random configurations
 * written with random spacing and escapes, and for texts at each edge of JSON that Jackson reads its own way.
 */
class PlainKeelJsonTest {
    /** What parsing gives: the configuration's text, or the error's class and message. */
    private static String outcome(java.util.function.Supplier<KeelConfig> parse) {
        try {
            KeelConfig c = parse.get();
            return "config " + c + " " + c.databases() + " " + c.database();
        } catch (RuntimeException e) {
            return "error " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void sameAsJackson(String json) {
        String jackson = outcome(() -> KeelConfig.parseWithJackson(json, "keel.json"));
        assertEquals(jackson, outcome(() -> KeelConfig.parse(json, "keel.json")), json);
        Optional<KeelConfig> plain = PlainKeelJson.read(json);
        plain.ifPresent(c -> {
            KeelConfig j = KeelConfig.parseWithJackson(json, "keel.json");
            assertEquals(j, c, json);
            assertEquals(j.toString(), c.toString(), json);
        });
    }

    @Test
    void theRepositorysKeelJsonFilesAreReadWithoutJacksonAsJacksonReadsThem() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().equals("keel.json") && !p.toString().contains("/target/")
                    && !p.toString().contains("/node_modules/")).toList();
        }
        assertTrue(files.size() >= 3, "the samples' keel.json files: " + files);
        int plain = 0;
        for (Path f : files) {
            String json = Files.readString(f);
            sameAsJackson(json);
            if (PlainKeelJson.read(json).isPresent()) {
                plain++;
            }
        }
        assertTrue(plain * 2 >= files.size(), "most keel.json files are plain: " + plain + " of " + files.size());
    }

    @Test
    void randomConfigurationsAreReadAsJacksonReadsThem() {
        var random = new Random(19);
        int plain = 0;
        for (int i = 0; i < 2000; i++) {
            String json = randomConfig(random);
            sameAsJackson(json);
            if (PlainKeelJson.read(json).isPresent()) {
                plain++;
            }
        }
        assertTrue(plain > 1000, "most random configurations are valid and plain: " + plain);
    }

    @Test
    void whatJacksonReadsItsOwnWayIsLeftToJackson() {
        String apps = "\"apps\": [{\"label\": \"blog\", \"package\": \"a.b\"}]";
        List<String> texts = List.of(
                "{" + apps + "}",
                "{" + apps + "} trailing words Jackson does not read",
                "{" + apps + "}}",
                "{" + apps + ",}",
                "{" + apps + " /* a comment */}",
                "{" + apps + ", \"naming\": null}",
                "{" + apps + ", \"naming\": \"JPA\"}",
                "{" + apps + ", \"naming\": \"\"}",
                "{" + apps + ", \"naming\": 1}",
                "{" + apps + ", \"beanValidation\": \"true\"}",
                "{" + apps + ", \"beanValidation\": 1}",
                "{" + apps + ", \"beanValidation\": null}",
                "{" + apps + ", \"sourceRoots\": \"src\"}",
                "{" + apps + ", \"sourceRoots\": [1]}",
                "{" + apps + ", \"sourceRoots\": [null]}",
                "{" + apps + ", \"sourceRoots\": []}",
                "{" + apps + ", " + apps + "}",
                "{\"apps\": [{\"label\": \"blog\", \"label\": \"other\", \"package\": \"a.b\"}]}",
                "{\"apps\": [{\"label\": 7, \"package\": \"a.b\"}]}",
                "{\"apps\": [{\"label\": \"Blog\", \"package\": \"a.b\"}]}",
                "{\"apps\": [{\"label\": \"blog\", \"package\": \"a.b\", \"packageName\": \"c\"}]}",
                "{\"apps\": []}",
                "{\"apps\": {}}",
                "{}",
                "[]",
                "",
                "   ",
                "{\"apps\": [{\"label\": \"bl\\u006fg\", \"package\": \"a\\/b\"}]}",
                "{\"apps\": [{\"label\": \"blog\", \"package\": \"a\tb\"}]}",
                "{\"apps\": [{\"label\": \"blog\", \"package\": \"a\\qb\"}]}",
                "{" + apps + ", \"database\": {\"largeTableRows\": 10}}",
                "{" + apps + ", \"database\": {\"largeTableRows\": -1}}",
                "{" + apps + ", \"database\": {\"largeTableRows\": 1e6}}",
                "{" + apps + ", \"database\": {\"largeTableRows\": 1.0}}",
                "{" + apps + ", \"database\": {\"largeTableRows\": 010}}",
                "{" + apps + ", \"database\": {\"largeTableRows\": \"10\"}}",
                "{" + apps + ", \"database\": {\"largeTableRows\": 99999999999999999999}}",
                "{" + apps + ", \"database\": {\"largeTableRows\": 123456789012345678}}",
                "{" + apps + ", \"database\": {\"largeTableRows\": -0}}",
                "{" + apps + ", \"database\": {\"url\": \"mysql://x\"}}",
                "{" + apps + ", \"database\": {\"lockTimeout\": \"5 parsecs\"}}",
                "{" + apps + ", \"database\": null}",
                "{" + apps + ", \"database\": {}, \"databases\": {\"default\": {}}}",
                "{" + apps + ", \"databases\": {}}",
                "{" + apps + ", \"databases\": {\"default\": {}, \"Bad\": {}}}",
                "{" + apps + ", \"databases\": {\"default\": {}, \"default\": {\"user\": \"x\"}}}",
                "{" + apps + ", \"databases\": {\"default\": null}}",
                "{" + apps + ", \"database\": {\"targets\": []}}",
                "{" + apps + ", \"database\": {\"targets\": [{\"name\": \"eu\", \"url\": \"jdbc:postgresql://eu/db\"},"
                        + " {\"name\": \"eu\", \"url\": \"jdbc:postgresql://us/db\"}]}}",
                "{" + apps + ", \"database\": {\"user\": \"u\", \"targets\": [{\"name\": \"eu\", \"url\": \"jdbc:postgresql://eu/db\"}]}}",
                "{" + apps + ", \"database\": {\"targets\": [null]}}",
                "{" + apps + ", \"migrations\": {\"classpath\": [\"lib\"], \"extra\": 1}}",
                "{" + apps + ", \"migrations\": []}",
                "{" + apps + ", \"largeTables\": [\"a\", \"a\"]}",
                "{" + apps + ", \"largeTables\": [\" \"]}",
                "\uFEFF{" + apps + "}",
                "{" + apps + "}\n\n",
                "{\r\n\t" + apps + "\r\n}");
        for (String json : texts) {
            sameAsJackson(json);
        }
        assertTrue(PlainKeelJson.read("{" + apps + "}").isPresent(), "the plain form is read without Jackson");
        assertTrue(PlainKeelJson.read("{" + apps + "} trailing").isEmpty(), "anything after the object is Jackson's");
    }

    /** A keel.json of random keys (sometimes wrong ones), values, spacing and escapes. */
    private static String randomConfig(Random r) {
        var keys = new ArrayList<String>();
        if (r.nextInt(10) > 0) {
            var apps = new ArrayList<String>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                var app = new ArrayList<String>();
                app.add(pair(r, "label", str(r, pick(r, "blog", "shop", "app" + i, "x_" + i))));
                app.add(pair(r, "package", str(r, pick(r, "com.acme.blog", "a.b", "org.x" + i))));
                if (r.nextBoolean()) {
                    app.add(pair(r, "migrationsPackage", str(r, pick(r, "com.acme.m", "a.b.migrations", ""))));
                }
                apps.add(object(r, app));
            }
            keys.add(pair(r, "apps", array(r, apps)));
        }
        if (r.nextBoolean()) {
            keys.add(pair(r, "sourceRoots", array(r, List.of(str(r, "src/main/java"), str(r, "gen")).subList(0, 1 + r.nextInt(2)))));
        }
        if (r.nextBoolean()) {
            keys.add(pair(r, "naming", str(r, pick(r, "snake_case", "jpa", "camel"))));
        }
        if (r.nextBoolean()) {
            keys.add(pair(r, "beanValidation", pick(r, "true", "false")));
        }
        if (r.nextBoolean()) {
            keys.add(pair(r, "largeTables", array(r, List.of(str(r, "event"), str(r, "audit.log")))));
        }
        if (r.nextInt(3) == 0) {
            keys.add(pair(r, "migrations", object(r, List.of(pair(r, "classpath", array(r, List.of(str(r, "target/app.jar"))))))));
        }
        if (r.nextBoolean()) {
            keys.add(pair(r, "database", database(r)));
        } else if (r.nextBoolean()) {
            var dbs = new ArrayList<String>();
            dbs.add(pair(r, "default", database(r)));
            if (r.nextBoolean()) {
                dbs.add(pair(r, pick(r, "control", "region_2"), database(r)));
            }
            keys.add(pair(r, "databases", object(r, dbs)));
        }
        if (r.nextInt(20) == 0) {
            keys.add(pair(r, pick(r, "beanValidaton", "app"), "true"));
        }
        java.util.Collections.shuffle(keys, r);
        return space(r) + object(r, keys) + space(r);
    }

    private static String database(Random r) {
        var d = new ArrayList<String>();
        if (r.nextInt(3) == 0) {
            var targets = new ArrayList<String>();
            for (int i = 0; i < 1 + r.nextInt(2); i++) {
                var t = new ArrayList<String>();
                t.add(pair(r, "name", str(r, "t-" + i)));
                t.add(pair(r, "url", str(r, "jdbc:postgresql://h" + i + "/db")));
                if (r.nextBoolean()) {
                    t.add(pair(r, "user", str(r, "u" + i)));
                }
                if (r.nextBoolean()) {
                    t.add(pair(r, "passwordEnv", str(r, "PW_" + i)));
                }
                targets.add(object(r, t));
            }
            d.add(pair(r, "targets", array(r, targets)));
        } else if (r.nextBoolean()) {
            d.add(pair(r, "url", str(r, pick(r, "jdbc:postgresql://localhost:5432/blog", "jdbc:postgresql:db?password=s"))));
        }
        if (r.nextBoolean()) {
            d.add(pair(r, "user", str(r, "app")));
        }
        if (r.nextBoolean()) {
            d.add(pair(r, "passwordEnv", str(r, "KEEL_DB_PASSWORD")));
        }
        if (r.nextBoolean()) {
            d.add(pair(r, "lockTimeout", str(r, pick(r, "2s", "500ms", "1min", "soon"))));
        }
        if (r.nextBoolean()) {
            d.add(pair(r, "statementTimeout", str(r, pick(r, "5s", "30s"))));
        }
        if (r.nextBoolean()) {
            d.add(pair(r, "largeTableRows", pick(r, "0", "1000000", "42")));
        }
        java.util.Collections.shuffle(d, r);
        return object(r, d);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String space(Random r) {
        return pick(r, "", " ", "\n", "\n  ", "\t", "\r\n");
    }

    private static String pair(Random r, String key, String value) {
        return space(r) + str(r, key) + space(r) + ":" + space(r) + value;
    }

    private static String object(Random r, List<String> pairs) {
        return "{" + String.join("," + space(r), pairs) + space(r) + "}";
    }

    private static String array(Random r, List<String> values) {
        return "[" + space(r) + String.join(space(r) + ",", values) + space(r) + "]";
    }

    /** A JSON string of {@code s}, its characters sometimes escaped. */
    private static String str(Random r, String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            int how = r.nextInt(12);
            if (how == 0) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (how == 1 && c == '/') {
                out.append("\\/");
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
