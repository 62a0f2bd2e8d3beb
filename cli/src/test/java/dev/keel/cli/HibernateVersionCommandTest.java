package dev.keel.cli;

import dev.keel.runner.testing.TestPostgres;
import dev.keel.runner.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project whose build moves from Spring Boot 3 (Hibernate 6) to Spring Boot 4 (Hibernate 7), on a real PostgreSQL:
 * keel reads the version from the build; the schema changes Hibernate 7 brings (the checks of a single-table hierarchy)
 * come as a migration of their own, explained, with the checks added NOT VALID and validated
 * apart; keel.json's "hibernate" pins a version, and makemigrations says when the build brings another; keel init
 * writes the version it found.
 */
class HibernateVersionCommandTest {
    @TempDir Path dir;
    TestDatabase db;
    String url;
    Path app;

    @BeforeEach
    void project() throws Exception {
        SampleProject.copy("blog", dir);
        db = TestPostgres.freshDatabase();
        url = SampleProject.url(db);
        app = dir.resolve("src/main/java/com/example/blog");
        Files.writeString(app.resolve("Media.java"), """
                package com.example.blog;

                import jakarta.persistence.*;

                @Entity
                @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                public class Media {
                    @Id private Long id;
                    private String title;
                }
                """);
        Files.writeString(app.resolve("Photo.java"), """
                package com.example.blog;

                import jakarta.persistence.*;

                @Entity
                public class Photo extends Media {
                    private int width;
                }
                """);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    private KeelRun keel(String... args) {
        var all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        if (args[0].equals("migrate")) {
            all.add("--url=" + url);
        }
        return KeelRun.run(MigrationSource.standard(), all.toArray(String[]::new));
    }

    private void springBoot(String version) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%s</version>
                  </parent>
                  <artifactId>blog</artifactId>
                </project>
                """.formatted(version));
    }

    /** The text of the migrations whose number is {@code from} or later. */
    private String migrationsFrom(int from) throws Exception {
        var text = new StringBuilder();
        try (Stream<Path> files = Files.list(app.resolve("migrations"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("M\\d{4}_.*\\.java")).sorted().toList()) {
                if (Integer.parseInt(f.getFileName().toString().substring(1, 5)) >= from) {
                    text.append(Files.readString(f)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private int migrationCount() throws Exception {
        try (Stream<Path> files = Files.list(app.resolve("migrations"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("M\\d{4}_.*\\.java")).count();
        }
    }

    private List<String> checks(String table) throws Exception {
        var names = new ArrayList<String>();
        try (Connection c = db.connect(); var st = c.prepareStatement("select conname || ' ' || convalidated from pg_constraint"
                + " where conrelid = ?::regclass and contype = 'c' order by conname")) {
            st.setString(1, table);
            try (var r = st.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    @Test
    void movingToSpringBoot4WritesHibernate7sSchemaAsASafeMigrationOfItsOwn() throws Exception {
        springBoot("3.5.7");
        KeelRun first = keel("makemigrations");
        assertEquals(0, first.exit(), first.out() + first.err());
        assertFalse(first.out().contains("Hibernate 7"), first.out());
        int before = migrationCount();
        KeelRun migrated = keel("migrate");
        assertEquals(0, migrated.exit(), migrated.out() + migrated.err());
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("insert into media (id, dtype, title, width) values (1, 'Photo', 'dawn', 640)");
            st.execute("insert into media (id, dtype, title) values (2, 'Media', 'plain')");
        }
        assertEquals(List.of(), checks("media"));

        springBoot("4.0.7");
        KeelRun moved = keel("makemigrations");
        assertEquals(0, moved.exit(), moved.out() + moved.err());
        assertTrue(moved.out().contains("note: the entities are mapped as Hibernate 7 (pom.xml: spring-boot-starter-parent"
                + " 4.0.7) creates them, and Hibernate 6's schema of table media differs: the changes there come from"
                + " Hibernate 7's schema"), moved.out());
        String migration = migrationsFrom(before + 1);
        assertTrue(migration.contains("dtype in ('Media','Photo')"), migration);
        assertTrue(migration.contains("dtype <> 'Photo' or (width is not null)"), migration);
        assertTrue(migration.contains(".notValid()") && migration.contains("validateConstraint("), migration);

        KeelRun applied = keel("migrate");
        assertEquals(0, applied.exit(), applied.out() + applied.err());
        List<String> checks = checks("media");
        assertTrue(checks.contains("media_dtype_check true") && checks.contains("media_check true"), checks.toString());
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(0, check.exit(), check.out() + check.err());
        try (Connection c = db.connect(); var st = c.createStatement()) {
            // the rows Hibernate 7 would refuse are refused by the database now
            assertThrowsSql(st, "insert into media (id, dtype, title) values (3, 'Photo', 'no width')");
            assertThrowsSql(st, "insert into media (id, dtype, title) values (4, 'Video', 'unknown class')");
        }

        // a later edit of the same table, its migrations on Hibernate 7's schema already: no note about Hibernate 7
        Files.writeString(app.resolve("Media.java"), Files.readString(app.resolve("Media.java"))
                .replace("private String title;", "private String title;\n    private String caption;"));
        KeelRun edited = keel("makemigrations");
        assertEquals(0, edited.exit(), edited.out() + edited.err());
        assertTrue(migrationsFrom(migrationCount()).contains("addField(\"media\", \"caption\""), migrationsFrom(migrationCount()));
        assertFalse(edited.out().contains("Hibernate 7"), edited.out());
    }

    private static void assertThrowsSql(java.sql.Statement st, String sql) {
        try {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            assertTrue(e.getMessage().contains("check constraint"), e.getMessage());
            return;
        }
        throw new AssertionError("accepted: " + sql);
    }

    @Test
    void keelJsonPinsTheVersionAndMakemigrationsSaysTheBuildBringsAnother() throws Exception {
        KeelRun first = keel("makemigrations");
        assertEquals(0, first.exit(), first.out() + first.err());
        Path json = dir.resolve("keel.json");
        Files.writeString(json, Files.readString(json).replace("\"naming\": \"snake_case\",",
                "\"naming\": \"snake_case\",\n  \"hibernate\": \"6\","));
        springBoot("4.0.7");
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("warning: keel.json says \"hibernate\": \"6\", and the build brings Hibernate 7"
                + " (pom.xml: spring-boot-starter-parent 4.0.7)"), check.out());

        Files.writeString(json, Files.readString(json).replace("\"hibernate\": \"6\"", "\"hibernate\": \"7\""));
        KeelRun asSeven = keel("makemigrations", "--check");
        assertEquals(1, asSeven.exit(), asSeven.out() + asSeven.err());
        assertFalse(asSeven.out().contains("warning: keel.json says"), asSeven.out());
    }

    @Test
    void initWritesTheVersionTheBuildBrings() throws Exception {
        Files.delete(dir.resolve("keel.json"));
        springBoot("4.0.7");
        KeelRun init = keel("init");
        assertEquals(0, init.exit(), init.out() + init.err());
        assertTrue(Files.readString(dir.resolve("keel.json")).matches("(?s).*\"hibernate\"\\s*:\\s*\"7\".*"),
                Files.readString(dir.resolve("keel.json")));
        assertTrue(init.out().contains("hibernate 7 (pom.xml: spring-boot-starter-parent 4.0.7)"), init.out());
    }
}
