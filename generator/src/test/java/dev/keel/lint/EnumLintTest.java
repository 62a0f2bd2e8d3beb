package dev.keel.lint;

import dev.keel.config.KeelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lint of hand-written migrations with PostgreSQL enum types the state knows: a value {@code addEnumValue} added,
 * used by a default or in SQL of the same atomic migration ({@code new-enum-value-used}, the rule of SQL files reused),
 * and a value taken out ({@code enum-value-removal}); the forms keel writes pass.
 */
class EnumLintTest {
    @TempDir Path project;

    private static final String HEAD = """
            package com.example.shop.migrations;

            import dev.keel.migration.Migration;

            import static dev.keel.migration.Operations.*;

            public final class %s extends Migration {
                @Override
                protected void define() {
                    dependsOn("shop", "%s");
            %s
                }
            }
            """;

    private Path shop() throws IOException {
        Path base = Path.of("src", "test", "resources", "safety", "_base");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : files.toList()) {
                Path to = project.resolve(base.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        migration("M0002_order_state", "0001_initial", """
                        operations(
                                createEnumType(enumType("order_state", "NEW", "PAID")),
                                addField("Order", "state", column("state", "order_state").nullable()));""");
        return project;
    }

    private void migration(String name, String after, String body) throws IOException {
        Files.writeString(project.resolve("src/main/java/com/example/shop/migrations/" + name + ".java"),
                HEAD.formatted(name, after, body));
    }

    private List<String> findings() {
        LintReport report = new Linter().lint(KeelConfig.read(project), project, List.of());
        return report.findings().stream().filter(f -> f.rule().contains("enum"))
                .map(f -> f.file().replaceAll(".*/", "") + " " + f.rule()).toList();
    }

    @Test
    void aValueAddedAndUsedInOneAtomicMigrationIsFound() throws IOException {
        shop();
        migration("M0003_shipped", "0002_order_state", """
                        operations(
                                addEnumValue("order_state", "SHIPPED", null, "PAID"),
                                alterField("Order", "state", column("state", "order_state").nullable().defaultSql("'SHIPPED'")),
                                runSql("UPDATE orders SET state = 'SHIPPED' WHERE id = 1"));""");
        assertEquals(List.of("M0003_shipped.java new-enum-value-used", "M0003_shipped.java new-enum-value-used"), findings());
    }

    @Test
    void theValueAddedAloneThenUsedInALaterMigrationPasses() throws IOException {
        shop();
        migration("M0003_shipped", "0002_order_state", """
                        operations(
                                addEnumValue("order_state", "SHIPPED", null, "PAID"),
                                addEnumValue("order_state", "LOST"));""");
        migration("M0004_shipped_default", "0003_shipped", """
                        operations(
                                alterField("Order", "state", column("state", "order_state").nullable().defaultSql("'SHIPPED'")));""");
        assertEquals(List.of(), findings());
    }

    @Test
    void aValueTakenOutIsFound() throws IOException {
        shop();
        migration("M0003_no_paid", "0002_order_state", """
                        operations(
                                removeEnumValue("order_state", "PAID"));""");
        List<String> found = findings();
        assertEquals(List.of("M0003_no_paid.java enum-value-removal"), found);
        assertTrue(new Linter().lint(KeelConfig.read(project), project, List.of()).findings().get(0).message()
                .contains("rewrites orders.state"));
    }

    @Test
    void aValueRenamedIsFoundUnlessItsTypeIsNew() throws IOException {
        shop();
        migration("M0003_rename_paid", "0002_order_state", """
                        operations(
                                renameEnumValue("order_state", "PAID", "SETTLED"));""");
        assertEquals(List.of("M0003_rename_paid.java enum-value-removal"), findings());
        Files.delete(project.resolve("src/main/java/com/example/shop/migrations/M0003_rename_paid.java"));
        migration("M0003_mood", "0002_order_state", """
                        operations(
                                createEnumType(enumType("mood", "SAD", "HAPY")),
                                renameEnumValue("mood", "HAPY", "HAPPY"));""");
        assertEquals(List.of(), findings());
    }
}
