package dev.keel.diff;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddField;
import dev.keel.operations.AddIndex;
import dev.keel.operations.AlterField;
import dev.keel.operations.AlterModelTable;
import dev.keel.operations.AlterSequence;
import dev.keel.operations.CreateModel;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.DeleteModel;
import dev.keel.operations.DeleteSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RemoveField;
import dev.keel.operations.RenameConstraint;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameIndex;
import dev.keel.operations.RenameModel;
import dev.keel.operations.ValidateConstraint;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.foreignKey;
import static dev.keel.migration.Operations.index;
import static dev.keel.migration.Operations.sequence;
import static dev.keel.migration.Operations.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutodetectorTest {

    static Table author() {
        return table("author").entity("Author")
                .field("id", column("id", "bigint"))
                .field("name", column("name", "varchar(255)").nullable())
                .primaryKey("id");
    }

    static Table post() {
        return table("post").entity("Post")
                .field("id", column("id", "bigint"))
                .field("title", column("title", "varchar(255)").nullable())
                .field("author", column("author_id", "bigint").nullable())
                .primaryKey("id")
                .constraint(foreignKey("fk_post_author", "author_id").references("author", "id"));
    }

    static ProjectState state(Table... tables) {
        ProjectState s = ProjectState.EMPTY;
        for (Table t : tables) {
            s = s.addTable("blog", t.entity() != null ? t.entity() : t.name(), t);
        }
        return s;
    }

    static List<Operation> diff(ProjectState from, ProjectState to) {
        return diff(from, to, DiffHints.NONE).of("blog");
    }

    static Changes diff(ProjectState from, ProjectState to, DiffHints hints) {
        return Autodetector.changes(from, to, hints, new NonInteractiveQuestioner());
    }

    @Test
    void identicalStatesNeedNothing() {
        assertTrue(Autodetector.changes(state(author(), post()), state(author(), post()), DiffHints.NONE,
                new NonInteractiveQuestioner()).isEmpty());
    }

    @Test
    void newTablesAreCreatedAfterTheTablesTheyReference() {
        // post is listed first by key order, but references author
        ProjectState to = ProjectState.EMPTY.addTable("blog", "Author", author()).addTable("blog", "Post", post());
        List<Operation> ops = diff(ProjectState.EMPTY, to);
        assertEquals(2, ops.size());
        assertEquals("author", ((CreateModel) ops.get(0)).model());
        assertEquals("post", ((CreateModel) ops.get(1)).model());
        assertEquals(1, ((CreateModel) ops.get(1)).table().foreignKeys().size(), "the FK stays inside CreateModel");
    }

    @Test
    void foreignKeyCyclesAreClosedAfterBothTablesExist() {
        Table a = table("a").entity("A").field("id", column("id", "bigint")).field("b", column("b_id", "bigint").nullable())
                .primaryKey("id").constraint(foreignKey("fk_a_b", "b_id").references("b", "id"));
        Table b = table("b").entity("B").field("id", column("id", "bigint")).field("a", column("a_id", "bigint").nullable())
                .primaryKey("id").constraint(foreignKey("fk_b_a", "a_id").references("a", "id"));
        List<Operation> ops = diff(ProjectState.EMPTY, state(a, b));
        assertEquals(3, ops.size());
        assertInstanceOf(CreateModel.class, ops.get(0));
        assertInstanceOf(CreateModel.class, ops.get(1));
        assertInstanceOf(AddConstraint.class, ops.get(2));
    }

    @Test
    void nullableFieldIsAdded() {
        ProjectState to = state(author().field("bio", column("bio", "text").nullable()), post());
        List<Operation> ops = diff(state(author(), post()), to);
        assertEquals(List.of(new AddField("author", "bio", column("bio", "text").nullable())), ops);
    }

    @Test
    void notNullFieldWithoutDefaultNeedsInput() {
        ProjectState to = state(author().field("active", column("active", "boolean")), post());
        var e = assertThrows(KeelException.class, () -> diff(state(author(), post()), to));
        assertEquals(ErrorKind.INPUT_NEEDED, e.kind());
        assertTrue(e.getMessage().contains("blog.author.active"), e.getMessage());
        assertTrue(e.getMessage().contains("@ColumnDefault"), e.getMessage());
        assertTrue(e.getMessage().contains("Java initializer"), e.getMessage());
    }

    @Test
    void javaInitializerBecomesTheDatabaseDefaultAndStays() {
        ProjectState from = state(author(), post());
        ProjectState to = state(author().field("active", column("active", "boolean")), post());
        var hints = new DiffHints(Map.of(), Map.of(), Map.of(new FieldRef("blog", "author", "active"), "true"));
        List<Operation> ops = diff(from, to, hints).of("blog");
        assertEquals(List.of(new AddField("author", "active", column("active", "boolean").defaultSql("true"))), ops);
        ProjectState migrated = StateTransitions.apply(ops.get(0), "blog", from);
        assertTrue(diff(migrated, to, hints).isEmpty(), "no migration drops the default again");
    }

    @Test
    void changedTypeAltersTheField() {
        ProjectState to = state(author().replaceColumn("name", column("name", "text").nullable().field("name")), post());
        List<Operation> ops = diff(state(author(), post()), to);
        assertEquals(List.of(new AlterField("author", "name", column("name", "text").nullable())), ops);
    }

    @Test
    void removedFieldIsRemovedAfterItsConstraint() {
        Table postWithout = post().withoutColumn("author_id");
        List<Operation> ops = diff(state(author(), post()), state(author(), postWithout));
        assertEquals(List.of(new RemoveConstraint("post", "fk_post_author"), new RemoveField("post", "author")), ops);
    }

    @Test
    void javaRenameKeepingTheColumnIsStateOnly() {
        Table renamed = post().replaceColumn("title", column("title", "varchar(255)").nullable().field("headline"));
        List<Operation> ops = diff(state(author(), post()), state(author(), renamed));
        assertEquals(List.of(new RenameField("post", "title", "headline", null)), ops);
        assertTrue(((RenameField) ops.get(0)).stateOnly());
    }

    @Test
    void hintedRenameWithNewColumnRenamesTheColumn() {
        Table renamed = post().replaceColumn("title", column("headline", "varchar(255)").nullable().field("headline"));
        var hints = new DiffHints(Map.of(), Map.of(new FieldRef("blog", "post", "headline"), "title"), Map.of());
        List<Operation> ops = diff(state(author(), post()), state(author(), renamed), hints).of("blog");
        assertEquals(List.of(new RenameField("post", "title", "headline", "headline")), ops);
    }

    @Test
    void likelyRenameWithoutHintIsRemoveAndAddWithANote() {
        Table renamed = post().replaceColumn("title", column("headline", "varchar(255)").nullable().field("headline"));
        var questioner = new NonInteractiveQuestioner();
        Changes changes = Autodetector.changes(state(author(), post()), state(author(), renamed), DiffHints.NONE, questioner);
        assertEquals(List.of(new AddField("post", "headline", column("headline", "varchar(255)").nullable()),
                new RemoveField("post", "title")), changes.of("blog"));
        assertEquals(1, questioner.notes().size());
        assertTrue(questioner.notes().get(0).contains("@RenamedFrom(\"title\")"), questioner.notes().get(0));
    }

    @Test
    void likelyModelRenameNotesTheHintWithClassNames() {
        Table writer = table("writer").entity("Writer")
                .field("id", column("id", "bigint"))
                .field("name", column("name", "varchar(255)").nullable())
                .primaryKey("id");
        var questioner = new NonInteractiveQuestioner();
        Changes changes = Autodetector.changes(state(author()), state(writer), DiffHints.NONE, questioner);
        assertEquals(List.of(CreateModel.class, DeleteModel.class), changes.of("blog").stream().map(Object::getClass).toList());
        assertEquals(1, questioner.notes().size());
        String note = questioner.notes().get(0);
        assertTrue(note.contains("@RenamedFrom(\"Author\") to the entity class") && note.contains("--rename blog.Author=Writer"), note);
    }

    @Test
    void hintedModelRenameRenamesAndKeepsTheTable() {
        Table writer = author().entity("Writer");
        ProjectState to = ProjectState.EMPTY.addTable("blog", "Writer", writer).addTable("blog", "Post", post());
        var hints = new DiffHints(Map.of(new ModelKey("blog", "writer"), "author"), Map.of(), Map.of());
        List<Operation> ops = diff(state(author(), post()), to, hints).of("blog");
        assertEquals(List.of(new RenameModel("author", "Writer")), ops);
    }

    @Test
    void newTableNameIsAnAlterModelTable() {
        ProjectState to = state(author().rename("writers"), post().retargetForeignKeys("author", "writers"));
        List<Operation> ops = diff(state(author(), post()), to);
        assertEquals(List.of(new AlterModelTable("author", "writers")), ops);
    }

    @Test
    void aPrimaryKeyNamedAfterARenamedTableIsRenamedToo() {
        Table writers = author().rename("writers");
        writers = writers.withPrimaryKey(new PrimaryKey("writers_pkey", List.of("id")));
        ProjectState to = state(writers, post().retargetForeignKeys("author", "writers"));
        List<Operation> ops = diff(state(author(), post()), to);
        assertEquals(List.of(new AlterModelTable("author", "writers"), new RenameConstraint("author", "author_pkey", "writers_pkey")), ops);
    }

    @Test
    void aConstraintWithANewNameAndTheSameDefinitionIsRenamedNotRebuilt() {
        Table renamed = post().withoutConstraint("fk_post_author")
                .constraint(foreignKey("fk_post_writer", "author_id").references("author", "id"));
        List<Operation> ops = diff(state(author(), post()), state(author(), renamed));
        assertEquals(List.of(new RenameConstraint("post", "fk_post_author", "fk_post_writer")), ops);
    }

    @Test
    void aConstraintWithANewNameAndAnotherDefinitionIsReplaced() {
        Table changed = post().withoutConstraint("fk_post_author")
                .constraint(foreignKey("fk_post_writer", "author_id").references("author", "id").onDelete("CASCADE"));
        List<Operation> ops = diff(state(author(), post()), state(author(), changed));
        assertEquals(List.of(RemoveConstraint.class, AddConstraint.class), ops.stream().map(Object::getClass).toList());
    }

    @Test
    void deletedModelLosesIncomingForeignKeysFirst() {
        Table postWithout = post().withoutColumn("author_id");
        List<Operation> ops = diff(state(author(), post()), state(postWithout));
        assertEquals(List.of(new RemoveConstraint("post", "fk_post_author"), new RemoveField("post", "author"),
                new DeleteModel("author")), ops);
    }

    @Test
    void indexesAreAddedAndRenamed() {
        ProjectState from = state(author().index(index("ix_name", "name")), post());
        List<Operation> added = diff(state(author(), post()), from);
        assertEquals(List.of(new AddIndex("author", index("ix_name", "name"), false)), added);
        List<Operation> renamed = diff(from, state(author().index(index("author_name_idx", "name")), post()));
        assertEquals(List.of(new RenameIndex("author", "ix_name", "author_name_idx")), renamed);
    }

    @Test
    void notValidConstraintIsValidated() {
        Table notValid = post().replaceConstraint("fk_post_author",
                foreignKey("fk_post_author", "author_id").references("author", "id").notValid());
        List<Operation> ops = diff(state(author(), notValid), state(author(), post()));
        assertEquals(List.of(new ValidateConstraint("post", "fk_post_author")), ops);
    }

    @Test
    void sequencesAreCreatedAlteredAndDeleted() {
        ProjectState base = state(author());
        ProjectState with = base.addSequence(sequence("author_seq").incrementBy(50));
        assertEquals(List.of(new CreateSequence(sequence("author_seq").incrementBy(50))), diff(base, with));
        ProjectState altered = base.addSequence(sequence("author_seq").incrementBy(10));
        assertEquals(List.of(new AlterSequence(sequence("author_seq").incrementBy(10))), diff(with, altered));
        assertEquals(List.of(new DeleteSequence("author_seq")), diff(with, base));
    }

    @Test
    void crossAppForeignKeysSplitByApp() {
        Table account = table("account").entity("Account").field("id", column("id", "bigint")).primaryKey("id");
        Table order = table("orders").entity("Order").field("id", column("id", "bigint"))
                .field("account", column("account_id", "bigint")).primaryKey("id")
                .constraint(foreignKey("fk_order_account", "account_id").references("account", "id"));
        ProjectState to = ProjectState.EMPTY.addTable("accounts", "Account", account).addTable("shop", "Order", order);
        Changes changes = diff(ProjectState.EMPTY, to, DiffHints.NONE);
        assertEquals(List.of("accounts", "shop"), List.copyOf(changes.byApp().keySet()));
        assertEquals(1, changes.of("accounts").size());
        assertEquals(1, changes.of("shop").size());
    }
}
