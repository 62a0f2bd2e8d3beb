package dev.keel.safety;

import dev.keel.make.MakeOptions;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameModel;
import dev.keel.project.ProjectState;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entities whose {@code @Entity(name = ...)} is not their class name: the model is the entity name in lower case
 * ({@code pier} for {@code @Entity(name = "Pier") class Dock}), and the migrations create and rename that model,
 * not one named after the class (which made the first makemigrations fail: the model it created was not the
 * entities', so it was deleted again, or refused while another table referenced it).
 */
class NamedEntitiesDatabaseTest {
    @TempDir Path project;

    static String dock(String annotations) {
        return dock(annotations, "Dock");
    }

    static String dock(String annotations, String className) {
        return annotations + "\npublic class " + className + " {\n" + """
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE)
                    private Long id;

                    @Column(nullable = false, length = 40)
                    private String code;
                }
                """;
    }

    static String ship(String dockClass) {
        return """
                @Entity(name = "vessels")
                public class Ship {
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE)
                    private Long id;

                    @ManyToOne(optional = false)
                    private %s berth;

                    @ManyToMany
                    private Set<%s> visited = new HashSet<>();
                }
                """.formatted(dockClass, dockClass);
    }

    @Test
    void namedEntitiesAndTheirReferencesAreCreatedAndRenamedOnPostgres() throws Exception {
        EntityProject p = EntityProject.in(project);
        p.entities(Map.of("Dock", dock("@Entity(name = \"Pier\")"), "Ship", ship("Dock")));
        p.make(MakeOptions.defaults());
        List<MigrationSpec> initial = p.from(0);
        assertEquals(List.of("pier", "vessels", "vessels_visited"), created(initial),
                "the models are the entity names in lower case (the join table's is its table's)");
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState before = applier.apply(initial, ProjectState.EMPTY);
            ShopDatabase.assertHolds(db, before);
            db.execute("INSERT INTO pier (id, code) VALUES (nextval('pier_seq'), 'north')",
                    "INSERT INTO vessels (id, berth_id) SELECT nextval('vessels_seq'), id FROM pier",
                    "INSERT INTO vessels_visited (vessels_id, visited_id) SELECT v.id, p.id FROM vessels v CROSS JOIN pier p");
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree");

            // the entity name changes (the class keeps its name): a model rename, the table follows
            p.entities(Map.of("Dock", dock("@Entity(name = \"Quay\")\n@RenamedFrom(\"Pier\")"), "Ship", ship("Dock")));
            p.make(EntityProject.ALLOW_RENAME);
            List<MigrationSpec> rename = p.from(1);
            List<Operation> ops = rename.stream().flatMap(m -> m.operations().stream()).toList();
            assertTrue(ops.stream().anyMatch(o -> o instanceof RenameModel r && r.oldModel().equalsIgnoreCase("pier")
                    && r.newModel().equals("quay")), "the model pier becomes quay: " + ops);
            ProjectState after = applier.apply(rename, before);
            ShopDatabase.assertHolds(db, after);
            assertTrue(after.table("app", "quay").isPresent(), "the model quay exists after the rename");
            assertEquals("1", ShopDatabase.text(db, "SELECT count(*) FROM vessels v JOIN quay q ON q.id = v.berth_id"
                    + " WHERE q.code = 'north'"), "the reference follows the renamed table");
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree after the rename");

            // the class is renamed under the same entity name: the model and its table stay, nothing to migrate
            p.entities(Map.of("Wharf", dock("@Entity(name = \"Quay\")", "Wharf"), "Ship", ship("Wharf")));
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "a class renamed under its entity name changes no table");
        }
    }

    private static List<String> created(List<MigrationSpec> migrations) {
        return migrations.stream().flatMap(m -> m.operations().stream())
                .filter(o -> o instanceof CreateModel).map(o -> ((CreateModel) o).model()).sorted().toList();
    }
}
