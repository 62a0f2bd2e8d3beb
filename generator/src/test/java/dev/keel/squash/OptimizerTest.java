package dev.keel.squash;

import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each fold of the squash optimizer, and the operations between a pair that stop it. */
class OptimizerTest {
    static final Table AUTHOR = table("author").entity("Author")
            .field("id", column("id", "bigint"))
            .field("name", column("name", "varchar(100)"))
            .primaryKey("id");

    private static Optimizer.Result optimize(Operation... ops) {
        return optimize(ProjectState.EMPTY, ops);
    }

    private static Optimizer.Result optimize(ProjectState before, Operation... ops) {
        Optimizer.Result r = new Optimizer().optimize("app", before, List.of(ops));
        ProjectState expected = before;
        for (Operation op : ops) {
            expected = StateTransitions.apply(op, "app", expected);
        }
        ProjectState actual = before;
        for (Operation op : r.operations()) {
            actual = StateTransitions.apply(op, "app", actual);
        }
        assertEquals(expected, actual, "the folded operations build the same state");
        return r;
    }

    private static ProjectState withAuthor() {
        return StateTransitions.apply(createModel("Author", AUTHOR), "app", ProjectState.EMPTY);
    }

    @Test
    void createThenAddFieldIsOneCreate() {
        var r = optimize(createModel("Author", AUTHOR), addField("author", "bio", column("bio", "text").nullable()));
        assertEquals(List.of(createModel("Author", AUTHOR.field("bio", column("bio", "text").nullable()))), r.operations());
        assertEquals(List.of("create+field change"), r.folds());
    }

    @Test
    void createThenAlterRenameAndRemoveFieldsIsOneCreateAsItEndsUp() {
        var r = optimize(createModel("Author", AUTHOR),
                alterField("author", "name", column("name", "varchar(200)")),
                renameField("author", "name", "fullName"),
                addField("author", "legacy", column("legacy", "boolean").nullable()),
                removeField("author", "legacy"));
        Table expected = table("author").entity("Author")
                .field("id", column("id", "bigint"))
                .field("fullName", column("name", "varchar(200)"))
                .primaryKey("id");
        assertEquals(List.of(createModel("Author", expected)), r.operations());
    }

    @Test
    void createThenRenameModelIsCreatedUnderItsNewName() {
        var r = optimize(createModel("Author", AUTHOR), renameModel("Author", "Writer"));
        assertEquals(List.of(createModel("writer", AUTHOR.entity("Writer"))), r.operations());
        assertEquals(List.of("create+rename model"), r.folds());
    }

    @Test
    void createThenDeleteIsNothing() {
        var r = optimize(createModel("Author", AUTHOR), addField("author", "bio", column("bio", "text").nullable()),
                deleteModel("author"));
        assertEquals(List.of(), r.operations());
    }

    @Test
    void createThenIndexAndNotValidConstraintValidatedLaterAreOneCreate() {
        var r = optimize(createModel("Author", AUTHOR),
                addIndex("author", index("idx_author_name", "name"), true),
                addConstraint("author", check("ck_name", "length(name) > 0").notValid()),
                validateConstraint("author", "ck_name"));
        assertEquals(List.of(createModel("Author", AUTHOR.index(index("idx_author_name", "name"))
                .constraint(check("ck_name", "length(name) > 0")))), r.operations());
    }

    @Test
    void addThenRemoveFieldIsNothing() {
        var r = optimize(withAuthor(), addField("author", "bio", column("bio", "text").nullable()), removeField("author", "bio"));
        assertEquals(List.of(), r.operations());
        assertEquals(List.of("add+remove field"), r.folds());
    }

    @Test
    void addThenAlterThenRenameFieldIsOneAdd() {
        var r = optimize(withAuthor(), addField("author", "bio", column("bio", "varchar(10)").nullable()),
                alterField("author", "bio", column("bio", "text").nullable()),
                renameField("author", "bio", "about"));
        assertEquals(List.of(addField("author", "about", column("bio", "text").nullable())), r.operations());
    }

    @Test
    void aChainOfAlterationsIsTheLast() {
        var r = optimize(withAuthor(), alterField("author", "name", column("name", "varchar(150)")),
                alterField("author", "name", column("name", "varchar(200)").nullable()),
                alterField("author", "name", column("name", "text").nullable()));
        assertEquals(List.of(alterField("author", "name", column("name", "text").nullable())), r.operations());
        assertEquals(List.of("alter+alter field", "alter+alter field"), r.folds());
    }

    @Test
    void alterThenRemoveIsTheRemoval() {
        var r = optimize(withAuthor(), alterField("author", "name", column("name", "varchar(200)").nullable()),
                removeField("author", "name"));
        assertEquals(List.of(removeField("author", "name")), r.operations());
    }

    @Test
    void renamesInARowAreOne() {
        var r = optimize(withAuthor(), renameField("author", "name", "label"), renameField("author", "label", "title"));
        assertEquals(List.of(renameField("author", "name", "title")), r.operations());
    }

    @Test
    void bothPhasesOfASafeRemovalAreOneRemoval() {
        var r = optimize(withAuthor(), alterField("author", "name", column("name", "varchar(100)").nullable()),
                safeRemoveField("author", "name", DeletionAction.MOVE_TO_PENDING),
                safeRemoveField("author", "name", DeletionAction.DELETE));
        assertEquals(List.of(removeField("author", "name")), r.operations());
        assertEquals(List.of("pending+delete field", "alter+remove field"), r.folds());
    }

    @Test
    void aSafeSetNotNullOnATableCreatedInTheSquashFoldsIntoTheCreate() {
        // keel's safe SET NOT NULL: a NOT VALID check, its validation, the alteration, the check dropped
        var r = optimize(createModel("Author", AUTHOR), addField("author", "bio", column("bio", "text").nullable()),
                addConstraint("author", check("ck_bio_nn", "bio IS NOT NULL").notValid()),
                validateConstraint("author", "ck_bio_nn"),
                alterField("author", "bio", column("bio", "text")),
                removeConstraint("author", "ck_bio_nn"));
        assertEquals(List.of(createModel("Author", AUTHOR.field("bio", column("bio", "text")))), r.operations());
    }

    @Test
    void aSafeSetNotNullOnAnExistingTableKeepsItsCheck() {
        var r = optimize(withAuthor(), addField("author", "bio", column("bio", "text").nullable()),
                runSql("UPDATE author SET bio = ''", RunSql.NOOP),
                addConstraint("author", check("ck_bio_nn", "bio IS NOT NULL").notValid()),
                validateConstraint("author", "ck_bio_nn"),
                alterField("author", "bio", column("bio", "text")),
                removeConstraint("author", "ck_bio_nn"));
        assertEquals(6, r.operations().size(), "the table may hold rows: the steps that keep it writable stay");
    }

    @Test
    void nothingMovesAcrossRunSql() {
        var r = optimize(withAuthor(), addField("author", "bio", column("bio", "text").nullable()),
                runSql("UPDATE author SET bio = name", RunSql.NOOP),
                removeField("author", "bio"));
        assertEquals(3, r.operations().size());
        assertEquals(List.of(), r.folds());
    }

    @Test
    void anIndexOnTheColumnBetweenAddAndRemoveKeepsThemApart() {
        var r = optimize(withAuthor(), addField("author", "bio", column("bio", "text").nullable()),
                addIndex("author", index("idx_author_bio", "bio"), false),
                removeField("author", "bio"));
        assertEquals(3, r.operations().size());
    }

    @Test
    void aForeignKeyOfAnotherTableKeepsTheColumnItReadsApartFromItsCreate() {
        Table book = table("book").field("id", column("id", "bigint"))
                .field("author", column("author_id", "bigint")).primaryKey("id")
                .constraint(foreignKey("fk_book_author", "author_id").references("author", "id"));
        var r = optimize(createModel("Author", AUTHOR), createModel("book", book),
                alterField("author", "id", column("id", "integer")),
                addField("author", "bio", column("bio", "text").nullable()));
        // the alteration of author.id, which book's foreign key reads, cannot join the create; bio can
        assertEquals(List.of(createModel("Author", AUTHOR.field("bio", column("bio", "text").nullable())),
                createModel("book", book), alterField("author", "id", column("id", "integer"))), r.operations());
    }

    @Test
    void aFieldOfAnotherModelDoesNotStopAFold() {
        Table book = table("book").field("id", column("id", "bigint")).primaryKey("id");
        var r = optimize(createModel("Author", AUTHOR), createModel("book", book),
                addField("book", "title", column("title", "text")),
                addField("author", "bio", column("bio", "text").nullable()));
        assertEquals(List.of(createModel("Author", AUTHOR.field("bio", column("bio", "text").nullable())),
                createModel("book", book.field("title", column("title", "text")))), r.operations());
    }

    @Test
    void sequencesCreatedThenAlteredOrDeletedFold() {
        var r = optimize(createSequence(sequence("a_seq").incrementBy(50)), alterSequence(sequence("a_seq").incrementBy(1)),
                createSequence(sequence("b_seq")), deleteSequence("b_seq"));
        assertEquals(List.of(createSequence(sequence("a_seq").incrementBy(1))), r.operations());
    }
}
