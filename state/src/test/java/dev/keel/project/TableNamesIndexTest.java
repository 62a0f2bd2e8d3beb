package dev.keel.project;

import dev.keel.error.KeelException;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ProjectState#tableNamed} answers from an index of the physical names kept beside the tables: after any
 * sequence of changes (tables added, removed, renamed, moved to another schema, models renamed, states narrowed
 * to one database or built from a snapshot holding one name twice) it gives what a walk over the tables in
 * {@code app.model} order gives.
 */
class TableNamesIndexTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f");
    /** No schema (the default one, the name unqualified), or another one. */
    private static final List<String> SCHEMAS = java.util.Arrays.asList(null, "archive");
    private static final List<String> APPS = List.of("shop", "blog");

    @Test
    void tableNamedAgreesWithAWalkOverTheTablesAfterEveryChange() {
        var random = new Random(19);
        for (int run = 0; run < 20; run++) {
            ProjectState state = ProjectState.EMPTY;
            for (int step = 0; step < 300; step++) {
                state = change(state, random);
                check(state);
            }
        }
    }

    @Test
    void aSnapshotWithOneNameTwiceGivesTheFirstModel() {
        Table one = Table.named("t").placed("shop", "Zed");
        Table two = Table.named("t").placed("blog", "Alpha");
        ProjectState state = ProjectState.of(List.of(one, two), List.of(), List.of());
        assertEquals(Optional.of(two), state.tableNamed("t"));
        check(state);
        check(state.removeTable("blog", "Alpha"));
        assertEquals(Optional.of(one), state.removeTable("blog", "Alpha").tableNamed("t"));
    }

    private static ProjectState change(ProjectState state, Random random) {
        String app = APPS.get(random.nextInt(APPS.size()));
        String model = "M" + random.nextInt(8);
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String schema = SCHEMAS.get(random.nextInt(SCHEMAS.size()));
        try {
            return switch (random.nextInt(6)) {
                case 0, 1 -> state.addTable(app, model, Table.named(name).schema(schema));
                case 2 -> state.removeTable(app, model);
                case 3 -> state.updateTable(app, model, t -> switch (random.nextInt(3)) {
                    case 0 -> t.rename(name);
                    case 1 -> t.schema(schema);
                    default -> t.database("other");
                });
                case 4 -> state.renameModel(app, model, "M" + random.nextInt(8), "E");
                default -> switch (random.nextInt(10)) {
                    case 0 -> ProjectState.of(new ArrayList<>(state.tables()), state.sequences(), state.pending());
                    case 1 -> state.inDatabase("default");
                    default -> state;
                };
            };
        } catch (KeelException e) {
            return state; // a change the state refuses (a name taken, a model missing) leaves it as it was
        }
    }

    private static void check(ProjectState state) {
        for (String schema : SCHEMAS) {
            for (String name : NAMES) {
                String qualified = schema == null ? name : schema + "." + name;
                Optional<Table> walked = state.tables().stream().filter(t -> t.qualifiedName().equals(qualified)).findFirst();
                assertEquals(walked, state.tableNamed(qualified), qualified + " in " + state);
            }
        }
        assertEquals(state, ProjectState.of(new ArrayList<>(state.tables()), state.sequences(), state.pending()));
    }
}
