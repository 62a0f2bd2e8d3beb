package dev.keel.cache;

import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.project.ProjectState;
import dev.keel.project.StateSnapshot;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Identity;
import dev.keel.state.Index;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingSequence;
import dev.keel.state.PendingSync;
import dev.keel.state.PendingTable;
import dev.keel.state.PendingView;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The compact form of the replayed state gives back the very state, whatever it holds. */
class StateCodecTest {
    private static ProjectState roundTrip(ProjectState state) {
        var w = new Compact.Writer();
        StateCodec.write(w, state);
        byte[] bytes = w.bytes();
        var r = new Compact.Reader(bytes, 0, bytes.length);
        ProjectState back = StateCodec.read(r);
        assertEquals(true, r.atEnd(), "every byte read");
        return back;
    }

    private static void assertSame(ProjectState state) {
        ProjectState back = roundTrip(state);
        assertEquals(state, back);
        assertEquals(StateSnapshot.toJson(state), StateSnapshot.toJson(back));
    }

    @Test
    void theStatesOfTheSamplesComeBackEqual() {
        for (String sample : List.of("blog", "shop", "library", "newsroom")) {
            var dir = SampleProjects.folder(sample);
            assertSame(MigrationGraph.of(ProjectMigrations.readSources(KeelConfig.read(dir), dir)).latestState());
        }
    }

    @Test
    void everyKindOfTableConstraintIndexSequenceAndPendingDeletionComesBackEqual() {
        var columns = List.of(
                new Column("id", "bigint", true, null, Identity.BY_DEFAULT, "id", "the key", false),
                new Column("name", "varchar(200)", true, "'x'", Identity.NONE, "name", null, true),
                new Column("note", "text", false, null, null, null, "ünïcödé 漢字 \uD83D\uDE00", false),
                new Column("total", "numeric(14,2)", false, null, null, "total", null, false, "quantity * unit_price"));
        List<dev.keel.state.Constraint> constraints = List.of(
                new ForeignKey("fk_a_b", List.of("b_id"), "other.b", List.of("id"), "cascade", false, false),
                new UniqueConstraint("uk_a_name", List.of("name", "note"), true, true),
                new CheckConstraint("ck_a", "name <> ''", false));
        var indexes = List.of(new Index("ix_a", List.of("name"), true, "gin", "note is not null"),
                new Index("ix_b", List.of("note"), false, null, null));
        var table = new Table("app", "a", "com.acme.A", "other", "a", columns, new PrimaryKey("pk_a", List.of("id")),
                constraints, indexes, "a comment", "reports");
        var bare = new Table("app", "b", null, null, "b", List.of(new Column("x", "integer", false, null, null, null, null, false)),
                null, List.of(), List.of(), null, null);
        List<dev.keel.state.PendingDeletion> pending = List.of(
                new PendingColumn("app", "a", "a", new Column("old", "integer", false, null, null, "old", null, false),
                        List.of(new Index("ix_old", List.of("old"), false, null, null)), List.of(new CheckConstraint("ck_old", "old > 0", true))),
                new PendingColumn("app", "a", "a", new Column("older", "integer", false, null, null, null, null, false), null, null),
                new PendingTable("app", "gone", table.placed("app", "gone")),
                new PendingSequence("app", new Sequence("gone_seq", 1, 50, null)),
                new PendingView("app", "old_name", "a", List.of("id", "name")),
                new PendingSync("app", "a", "a", "name", "title", "new.title := new.name", "new.name := new.title"));
        ProjectState state = ProjectState.of(List.of(table, bare),
                List.of(new Sequence("a_seq", -5, -1, "reports"), new Sequence("b_seq", Long.MAX_VALUE, Long.MIN_VALUE, null)),
                pending);

        assertSame(state);
        assertSame(ProjectState.EMPTY);
    }

    @Test
    void bytesThatAreNotAStateAreRefused() {
        var w = new Compact.Writer();
        StateCodec.write(w, ProjectState.EMPTY);
        byte[] bytes = w.bytes();
        assertThrows(RuntimeException.class, () -> StateCodec.read(new Compact.Reader(bytes, 0, bytes.length - 1)));
        byte[] wrongKind = {2, 1, 1, 2, 9};
        assertThrows(RuntimeException.class, () -> StateCodec.read(new Compact.Reader(wrongKind, 0, wrongKind.length)));
    }

    /**
     * The records the codec writes, with their components as it writes them: a component added to one of them (or
     * a new kind of constraint or pending deletion) fails here until {@link StateCodec} writes it too.
     */
    @Test
    void theCodecKnowsEveryComponentOfTheStatesRecords() {
        Map<Class<?>, String> known = Map.ofEntries(
                Map.entry(Table.class, "app model entity schema name columns primaryKey constraints indexes comment database"),
                Map.entry(Column.class, "name type notNull defaultSql identity field comment defaultKept generated"),
                Map.entry(PrimaryKey.class, "name columns"),
                Map.entry(ForeignKey.class, "name columns targetTable targetColumns onDelete enforced validated"),
                Map.entry(UniqueConstraint.class, "name columns isDeferrable isInitiallyDeferred"),
                Map.entry(CheckConstraint.class, "name expression validated"),
                Map.entry(Index.class, "name columns isUnique method where"),
                Map.entry(Sequence.class, "name start increment database"),
                Map.entry(PendingColumn.class, "app model table column indexes constraints"),
                Map.entry(PendingTable.class, "app model definition"),
                Map.entry(PendingSequence.class, "app sequence"),
                Map.entry(PendingView.class, "app view target columns"),
                Map.entry(PendingSync.class, "app model table source column forward backward"));
        known.forEach((type, components) -> assertEquals(components, String.join(" ",
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()),
                type.getSimpleName() + " changed: write and read its components in StateCodec, then update this test"));
        assertEquals(List.of(ForeignKey.class, UniqueConstraint.class, CheckConstraint.class),
                List.of(dev.keel.state.Constraint.class.getPermittedSubclasses()), "a new kind of constraint: add it to StateCodec");
        assertEquals(List.of(PendingColumn.class, PendingTable.class, PendingSequence.class, PendingView.class, PendingSync.class),
                List.of(dev.keel.state.PendingDeletion.class.getPermittedSubclasses()), "a new kind of pending deletion: add it to StateCodec");
    }
}
