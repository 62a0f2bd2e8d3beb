package dev.keel.diff.rules;

import dev.keel.diff.Autodetector;
import dev.keel.diff.DiffHints;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.diff.rules.CompanionsOfRenamedTables.Substitution;
import dev.keel.operations.AlterModelTable;
import dev.keel.operations.CreateModel;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameModel;
import dev.keel.operations.RenameSequence;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.foreignKey;
import static dev.keel.migration.Operations.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pairing what a renamed table or entity takes with it: sequences, join and collection tables, join columns. */
class CompanionsOfRenamedTablesTest {
    static final List<Substitution> POST_TO_ARTICLE = List.of(new Substitution("post", "article"));

    static Table entity(String entity, String schema, String name) {
        return table(name).schema(schema).entity(entity).field("id", column("id", "bigint")).primaryKey("id");
    }

    static Table join(String schema, String name, String ownerTable, String ownerColumn, String otherColumn) {
        String target = schema == null ? ownerTable : schema + "." + ownerTable;
        return table(name).schema(schema).column(column(ownerColumn, "bigint")).column(column(otherColumn, "bigint"))
                .primaryKey(ownerColumn, otherColumn)
                .constraint(foreignKey("fk_" + name + "_owner", ownerColumn).references(target, "id"));
    }

    static ProjectState state(List<Sequence> sequences, Table... tables) {
        ProjectState s = ProjectState.EMPTY;
        for (Sequence q : sequences) {
            s = s.addSequence(q);
        }
        for (Table t : tables) {
            s = s.addTable("blog", t.entity() != null ? t.entity() : t.name(), t);
        }
        return s;
    }

    static List<Operation> diff(ProjectState from, ProjectState to, Map<ModelKey, String> renamedModels) {
        return Autodetector.changes(from, to, new DiffHints(renamedModels, Map.of(), Map.of()), new NonInteractiveQuestioner())
                .of("blog");
    }

    @Test
    void aNameFollowsWhenTheRenamedPartIsReplaced() {
        assertTrue(CompanionsOfRenamedTables.follows("post_seq", "article_seq", POST_TO_ARTICLE, Set.of()));
        assertTrue(CompanionsOfRenamedTables.follows("post_tags", "article_tags", POST_TO_ARTICLE, Set.of()));
        assertFalse(CompanionsOfRenamedTables.follows("post_seq", "tag_seq", POST_TO_ARTICLE, Set.of()));
        assertFalse(CompanionsOfRenamedTables.follows("poster_seq", "article_seq", POST_TO_ARTICLE, Set.of()));
        assertFalse(CompanionsOfRenamedTables.follows("blog.post_seq", "article_seq", POST_TO_ARTICLE, Set.of()),
                "a schema stays unless a renamed table moved that way");
        assertTrue(CompanionsOfRenamedTables.follows("blog.post_seq", "blog.article_seq", POST_TO_ARTICLE, Set.of()));
        assertTrue(CompanionsOfRenamedTables.follows("blog.post_seq", "news.article_seq", POST_TO_ARTICLE,
                Set.of(Arrays.asList("blog", "news"))));
        assertTrue(CompanionsOfRenamedTables.follows("post_tag", "article_label",
                List.of(new Substitution("post", "article"), new Substitution("tag", "label")), Set.of()),
                "a name made of two renamed ones follows both");
    }

    @Test
    void columnsPairOneToOneWithTheSameDefinition() {
        Table old = join(null, "post_tags", "post", "post_id", "tags_id");
        Table neu = join(null, "article_tags", "article", "article_id", "tags_id");
        assertEquals(Optional.of(Map.of("post_id", "article_id")), CompanionsOfRenamedTables.columnRenames(old, neu, POST_TO_ARTICLE));
        Table otherType = table("article_tags").column(column("article_id", "integer")).column(column("tags_id", "bigint"));
        assertEquals(Optional.empty(), CompanionsOfRenamedTables.columnRenames(old, otherType, POST_TO_ARTICLE),
                "a column of another type is not the same column");
        Table extra = neu.column(column("position", "integer"));
        assertEquals(Optional.empty(), CompanionsOfRenamedTables.columnRenames(old, extra, POST_TO_ARTICLE));
    }

    @Test
    void renamedEntityTakesItsSequenceAndJoinTable() {
        ProjectState from = state(List.of(new Sequence("post_seq", 1, 50), new Sequence("tag_seq", 1, 50)),
                entity("Post", null, "post"), entity("Tag", null, "tag"), join(null, "post_tags", "post", "post_id", "tags_id"));
        ProjectState to = state(List.of(new Sequence("article_seq", 1, 50), new Sequence("tag_seq", 1, 50)),
                entity("Article", null, "article"), entity("Tag", null, "tag"),
                join(null, "article_tags", "article", "article_id", "tags_id"));
        List<Operation> ops = diff(from, to, Map.of(new ModelKey("blog", "article"), "Post"));
        assertEquals(List.of(new RenameModel("Post", "Article"), new RenameSequence("post_seq", "article_seq"),
                new RenameModel("post_tags", "article_tags"), new AlterModelTable("article_tags", "article_tags"),
                new RenameField("article_tags", "post_id", "article_id", "article_id"), new AlterModelTable("article", "article")),
                ops.subList(0, 6));
        assertTrue(ops.stream().noneMatch(o -> o instanceof CreateSequence || o instanceof CreateModel), ops.toString());
    }

    @Test
    void schemaQualifiedTableTakesItsSequenceAndCollectionTable() {
        ProjectState from = state(List.of(new Sequence("blog.post_seq", 1, 50)),
                entity("Post", "blog", "post"), join("blog", "post_labels", "post", "post_id", "labels"));
        ProjectState to = state(List.of(new Sequence("blog.article_seq", 1, 50)),
                entity("Post", "blog", "article"), join("blog", "article_labels", "article", "post_id", "labels"));
        List<Operation> ops = diff(from, to, Map.of());
        assertEquals(List.of(new RenameSequence("blog.post_seq", "blog.article_seq"), new RenameModel("post_labels", "article_labels"),
                new AlterModelTable("article_labels", "blog.article_labels"), new AlterModelTable("post", "blog.article")),
                ops.subList(0, 4));
    }

    @Test
    void companionsThatKeepTheirNamesStay() {
        // an explicit @SequenceGenerator and @JoinTable: nothing follows the rename
        ProjectState from = state(List.of(new Sequence("ids", 1, 50)),
                entity("Post", null, "post"), join(null, "links", "post", "post_id", "tags_id"));
        ProjectState to = state(List.of(new Sequence("ids", 1, 50)),
                entity("Post", null, "article"), join(null, "links", "article", "post_id", "tags_id"));
        assertEquals(List.of(new AlterModelTable("post", "article")), diff(from, to, Map.of()).subList(0, 1));
        assertEquals(1, diff(from, to, Map.of()).stream().filter(o -> o instanceof AlterModelTable).count());
        assertTrue(diff(from, to, Map.of()).stream().noneMatch(o -> o instanceof RenameSequence || o instanceof RenameModel
                || o instanceof RenameField));
    }

    @Test
    void unrelatedSequencesAreNotPaired() {
        ProjectState from = state(List.of(new Sequence("invoice_seq", 1, 50)), entity("Post", null, "post"));
        ProjectState to = state(List.of(new Sequence("article_seq", 1, 50)), entity("Post", null, "article"));
        List<Operation> ops = diff(from, to, Map.of());
        assertTrue(ops.stream().noneMatch(o -> o instanceof RenameSequence), ops.toString());
    }
}
