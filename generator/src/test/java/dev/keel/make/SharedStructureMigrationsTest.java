package dev.keel.make;

import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.operations.AddField;
import dev.keel.operations.Operation;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.scan.EntityScanner;
import dev.keel.project.ProjectState;
import dev.keel.state.Table;
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
 * makemigrations with the real scanner on the {@code structure} oracle project: generic base classes,
 * constants interfaces, Lombok, tables shared by two entities or by an entity and a join table, read-only
 * duplicate columns. The first run writes the initial migration, whose state is the scanned one; a second
 * run finds nothing; a change to the entity that shares another's table is a change of that table's model.
 */
class SharedStructureMigrationsTest {
    @TempDir Path dir;

    private static final Path SAMPLE = Path.of("src/test/resources/oracle/structure");

    private final EntitySource scanner = (c, d) -> {
        EntityScanner.Scan scan = EntityScanner.scanWithHints(d, c);
        return new ScannedProject(scan.state(), scan.hints());
    };

    private MakeResult make(KeelConfig config, MakeOptions options) {
        return new MakeMigrations(scanner, new NonInteractiveQuestioner()).run(config, dir, options);
    }

    private static MakeOptions check() {
        return new MakeOptions(List.of(), true, false, false, false, null, false, SafetyOptions.DEFAULT);
    }

    private KeelConfig copySample() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(SAMPLE.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        return KeelConfig.read(dir);
    }

    @Test
    void theInitialMigrationIsWrittenAndASecondRunFindsNothing() throws IOException {
        KeelConfig config = copySample();
        MakeResult first = make(config, MakeOptions.defaults());
        assertEquals(1, first.migrations().size(), first.migrations().toString());
        assertTrue(Files.exists(first.migrations().get(0).file()));

        ProjectState migrated = MigrationGraph.of(ProjectMigrations.readSources(config, dir)).latestState();
        ProjectState scanned = EntityScanner.scan(dir, config);
        assertEquals(List.copyOf(scanned.tables()), List.copyOf(migrated.tables()), "the migration builds the scanned state");
        Table product = migrated.requireTable("platform", "product");
        assertEquals("product", product.name());
        assertTrue(product.findColumn("thumbnail_url").isPresent(), "ProductSummary's own column is in Product's table");
        assertEquals("organization_member", migrated.requireTable("platform", "membership").name());
        assertTrue(migrated.table("platform", "productsummary").isEmpty());
        assertTrue(migrated.table("platform", "organization_member").isEmpty(), "the join table is Membership's model");

        assertTrue(make(config, MakeOptions.defaults()).migrations().isEmpty(), "a second run finds nothing");
        assertEquals(List.of(), make(config, check()).problems());
    }

    @Test
    void aFieldAddedToTheEntityThatSharesATableIsAddedToThatTablesModel() throws IOException {
        KeelConfig config = copySample();
        make(config, MakeOptions.defaults());
        Path summary = dir.resolve("src/main/java/org/example/platform/catalog/ProductSummary.java");
        Files.writeString(summary, Files.readString(summary).replace("    private String thumbnailUrl;",
                "    private String thumbnailUrl;\n\n    @Column(length = 40)\n    private String badge;"));

        MakeResult second = make(config, MakeOptions.defaults());
        assertEquals(1, second.migrations().size());
        List<Operation> operations = second.migrations().get(0).spec().operations();
        assertEquals(1, operations.size(), operations.toString());
        AddField add = (AddField) operations.get(0);
        assertEquals("product", add.model());
        assertEquals("varchar(40)", add.column().type());
        assertTrue(make(config, MakeOptions.defaults()).migrations().isEmpty());
    }
}
