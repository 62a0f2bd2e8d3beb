package dev.keel.routing;

import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.make.MakeMigrations;
import dev.keel.make.MakeOptions;
import dev.keel.make.MakeResult;
import dev.keel.make.ScannedProject;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeleteModel;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateSnapshot;
import dev.keel.project.StateTransitions;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.scan.EntityScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing from the entities to the migration files: {@code @Database} puts a table (with its
 * collection tables and sequence) in a database; makemigrations writes it into the migration; reading
 * the migration back gives the same state; a deleted entity still routes by what was recorded; a move
 * between databases and names keel.json does not know are refused.
 */
class RoutedMakeMigrationsTest {
    @TempDir
    Path dir;

    private static final String KEEL_JSON = """
            {"sourceRoots": ["src"], "apps": [{"label": "app", "package": "app"}],
             "databases": {"default": {}, "control": {}}}""";

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void entity(String name, String body) throws IOException {
        write("src/app/" + name + ".java", "package app;\n\nimport jakarta.persistence.*;\nimport dev.keel.annotations.Database;\n"
                + "import java.util.*;\n\n" + body);
    }

    private KeelConfig project() throws IOException {
        write("keel.json", KEEL_JSON);
        entity("Post", "@Entity public class Post { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; String title; }");
        entity("Organization", "@Entity @Database(\"control\") public class Organization {\n"
                + "  @Id @GeneratedValue Long id;\n  String name;\n  @ElementCollection Set<String> tags;\n}");
        return KeelConfig.read(dir);
    }

    private MakeResult make(KeelConfig config, boolean check) {
        return new MakeMigrations((c, d) -> {
            var scan = EntityScanner.scanWithHints(d, c);
            return new ScannedProject(scan.state(), scan.hints());
        }, new NonInteractiveQuestioner()).run(config, dir,
                new MakeOptions(List.of(), check, false, false, false, null, false,
                        new SafetyOptions(java.util.Set.of(), java.util.Set.of(), config.severalDatabases())));
    }

    @Test
    void theScannerRoutesTablesCollectionTablesAndSequences() throws IOException {
        ProjectState s = EntityScanner.scan(dir, project());
        assertNull(s.requireTable("app", "post").database());
        assertEquals("control", s.requireTable("app", "organization").database());
        assertEquals("control", s.tableNamed("organization_tags").orElseThrow().database());
        assertEquals("control", s.sequence("organization_seq").orElseThrow().database());
        assertEquals(s, StateSnapshot.fromJson(StateSnapshot.toJson(s)), "the database survives the snapshot");
        assertTrue(StateSnapshot.toJson(s).contains("\"database\" : \"control\""), StateSnapshot.toJson(s));
    }

    @Test
    void migrationsRecordTheDatabaseAndADeletedEntityStillRoutesByIt() throws IOException {
        KeelConfig config = project();
        MakeResult first = make(config, false);
        assertEquals(1, first.migrations().size());
        String source = first.migrations().get(0).source();
        assertTrue(source.contains("table(\"organization\")\n") || source.contains("table(\"organization\")"), source);
        assertTrue(source.contains(".database(\"control\")"), source);
        assertTrue(source.contains("sequence(\"organization_seq\").incrementBy(50).database(\"control\")"), source);
        assertEquals(3, source.split("\\.database\\(\"control\"\\)", -1).length - 1,
                "organization, organization_tags and the sequence: " + source);

        List<MigrationSpec> read = ProjectMigrations.readSources(config, dir);
        ProjectState replayed = MigrationGraph.of(read).latestState();
        assertEquals(EntityScanner.scan(dir, config), replayed, "the migration file gives back the routed state");
        assertTrue(make(config, true).migrations().isEmpty(), "nothing left to write");

        Router router = Router.of(config);
        Files.delete(dir.resolve("src/app/Organization.java"));
        MakeResult second = make(config, false);
        MigrationSpec deletion = second.migrations().get(0).spec();
        assertTrue(!second.migrations().get(0).source().contains(".database("), "a deletion names the model only");
        ProjectState before = replayed;
        for (Operation op : deletion.operations()) {
            if (op instanceof DeleteModel d && d.model().equals("organization")) {
                assertEquals("control", router.databaseOf("app", before, op), "routed by the recorded database");
            }
            before = StateTransitions.apply(op, "app", before);
        }
    }

    @Test
    void movingAnEntityToAnotherDatabaseNeedsADecision() throws IOException {
        KeelConfig config = project();
        make(config, false);
        entity("Organization", "@Entity public class Organization {\n"
                + "  @Id @GeneratedValue Long id;\n  String name;\n  @ElementCollection Set<String> tags;\n}");
        KeelException e = assertThrows(KeelException.class, () -> make(config, false));
        assertEquals(ErrorKind.INPUT_NEEDED, e.kind());
        assertTrue(e.getMessage().contains("model app.organization (table organization) moved from database control to"
                + " default"), e.getMessage());
        assertTrue(e.getMessage().contains("keel does not move tables and their rows between databases"), e.getMessage());
    }

    @Test
    void unknownDatabasesAndKeysAcrossDatabasesAreReportedWithFileAndLine() throws IOException {
        write("keel.json", KEEL_JSON);
        entity("Org", "@Entity @Database(\"contrl\") public class Org { @Id Long id; }");
        entity("Team", "@Entity @Database(\"control\") public class Team { @Id Long id; }");
        entity("Member", "@Entity public class Member {\n  @Id Long id;\n  @ManyToOne Team team;\n}");
        KeelException e = assertThrows(KeelException.class, () -> EntityScanner.scan(dir, KeelConfig.read(dir)));
        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        String all = String.join("\n", e.problems());
        assertTrue(all.matches("(?s).*Org\\.java:\\d+: @Database\\(\"contrl\"\\) names no database of keel\\.json"
                + " \\(databases: \\[default, control\\]\\).*"), all);
        assertTrue(all.matches("(?s).*Member\\.java:\\d+: table member \\(database default\\) has a foreign key to team"
                + " \\(database control\\).*"), all);

        write("keel.json", """
                {"sourceRoots": ["src"], "apps": [{"label": "app", "package": "app"}],
                 "databases": {"control": {}, "region": {}}}""");
        Files.delete(dir.resolve("src/app/Org.java"));
        e = assertThrows(KeelException.class, () -> EntityScanner.scan(dir, KeelConfig.read(dir)));
        assertTrue(String.join("\n", e.problems()).contains("entity Member has no @Database, and keel.json names no"
                + " database \"default\""), String.join("\n", e.problems()));
    }
}
