package dev.keel.rewrite;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyRewriterTest {
    static final Table AUTHOR = table("author").entity("Author")
            .field("id", column("id", "bigint")).primaryKey("id");
    static final Table POST = table("post").entity("Post")
            .field("id", column("id", "bigint"))
            .field("title", column("title", "varchar(100)"))
            .field("subtitle", column("subtitle", "varchar(100)").nullable())
            .field("status", column("status", "varchar(20)").nullable())
            .field("author", column("author_id", "bigint").nullable())
            .field("legacyFlag", column("legacy_flag", "boolean"))
            .primaryKey("id")
            .constraint(foreignKey("fk_post_author", "author_id").references("author", "id"))
            .constraint(check("post_status_check", "status IN ('DRAFT', 'LIVE')"))
            .index(index("ix_post_legacy", "legacy_flag"));

    static final ProjectState BEFORE = ProjectState.EMPTY.addTable("blog", "Author", AUTHOR).addTable("blog", "Post", POST);

    static List<PlannedMigration> rewrite(Operation... ops) {
        return SafetyRewriter.rewrite("blog", BEFORE, List.of(ops), SafetyOptions.DEFAULT);
    }

    static List<Operation> only(List<PlannedMigration> plans) {
        assertEquals(1, plans.size(), plans.toString());
        return plans.get(0).operations();
    }

    /** Every safe plan must reach the state the plain operations reach, and its reverse must come back. */
    static void assertSameEndAndReversible(List<Operation> plain, List<PlannedMigration> plans) {
        ProjectState expected = BEFORE;
        for (Operation op : plain) {
            expected = StateTransitions.apply(op, "blog", expected);
        }
        ProjectState state = BEFORE;
        var states = new java.util.ArrayList<ProjectState>();
        var all = plans.stream().flatMap(p -> p.operations().stream()).toList();
        for (Operation op : all) {
            states.add(state);
            state = StateTransitions.apply(op, "blog", state);
        }
        assertEquals(dev.keel.diff.SchemaComparison.differences(expected, state), List.of());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).reversible()) {
                return;
            }
            for (Operation r : StateTransitions.reverse(all.get(i), "blog", states.get(i))) {
                state = StateTransitions.apply(r, "blog", state);
            }
        }
        assertEquals(List.of(), dev.keel.diff.SchemaComparison.differences(BEFORE, state), "the reverse restores the schema");
        assertEquals(BEFORE.pending(), state.pending(), "the reverse restores the pending deletions");
    }

    /** Each migration of a plan as one word: atomic, non-atomic, post-atomic, post-non-atomic. */
    static List<String> shape(List<PlannedMigration> plans) {
        return plans.stream().map(p -> (p.postDeployment() ? "post-" : "") + (p.atomic() ? "atomic" : "non-atomic")).toList();
    }

    static List<Operation> flat(List<PlannedMigration> plans) {
        return plans.stream().flatMap(p -> p.operations().stream()).toList();
    }

    static List<PlannedMigration> rewriteLarge(Operation... ops) {
        return SafetyRewriter.rewrite("blog", BEFORE, List.of(ops), new SafetyOptions(Set.of(), Set.of("post")));
    }

    @Test
    void columnRemovalIsTwoPhase() {
        var plans = rewrite(removeField("post", "legacyFlag"));
        assertEquals(List.of("non-atomic", "atomic"), shape(plans), "the index drop is concurrent, the rest atomic");
        assertEquals(List.of(
                removeIndex("post", "ix_post_legacy", true),
                alterField("post", "legacyFlag", column("legacy_flag", "boolean").nullable()),
                safeRemoveField("post", "legacyFlag", DeletionAction.MOVE_TO_PENDING)), flat(plans));
        ProjectState after = BEFORE;
        for (Operation op : flat(plans)) {
            after = StateTransitions.apply(op, "blog", after);
        }
        assertEquals(1, after.pending().size(), "the column stays in the database, pending");
        assertSameEndAndReversible(List.of(removeField("post", "legacyFlag")), plans);
    }

    @Test
    void columnRemovalDropsTheChecksAndExpressionIndexesThatNameIt() {
        ProjectState before = BEFORE.updateTable("blog", "post", t -> t.index(index("ix_post_lower_subtitle", "lower(subtitle)")));
        var plans = SafetyRewriter.rewrite("blog", before, List.of(removeField("post", "status")), SafetyOptions.DEFAULT);
        assertEquals(List.of(removeConstraint("post", "post_status_check"),
                safeRemoveField("post", "status", DeletionAction.MOVE_TO_PENDING)), flat(plans));
        var subtitle = SafetyRewriter.rewrite("blog", before, List.of(removeField("post", "subtitle")), SafetyOptions.DEFAULT);
        assertEquals(removeIndex("post", "ix_post_lower_subtitle", true), flat(subtitle).get(0));
    }

    @Test
    void columnReferencedByAnotherTableOrInThePrimaryKeyIsRefused() {
        Table comment = table("comment").entity("Comment").field("id", column("id", "bigint"))
                .field("post", column("post_id", "bigint")).primaryKey("id")
                .constraint(foreignKey("fk_comment_post", "post_id").references("post", "id"));
        ProjectState before = BEFORE.addTable("blog", "Comment", comment);
        var e = assertThrows(KeelException.class, () -> SafetyRewriter.rewrite("blog", before,
                List.of(removeField("post", "id")), SafetyOptions.DEFAULT));
        assertTrue(e.getMessage().contains("primary key"), e.getMessage());
    }

    @Test
    void tableRemovalIsTwoPhase() {
        var plain = List.<Operation>of(removeConstraint("post", "fk_post_author"), deleteModel("author"));
        var plans = rewrite(plain.toArray(Operation[]::new));
        assertEquals(List.of(removeConstraint("post", "fk_post_author"),
                safeDeleteModel("author", DeletionAction.MOVE_TO_PENDING)), only(plans));
        assertSameEndAndReversible(plain, plans);
    }

    @Test
    void tableRemovalDropsItsOwnForeignKeysFirst() {
        var plans = rewrite(deleteModel("post"));
        assertEquals(List.of(removeConstraint("post", "fk_post_author"),
                safeDeleteModel("post", DeletionAction.MOVE_TO_PENDING)), only(plans));
    }

    @Test
    void tableStillReferencedIsRefusedNamingEachReference() {
        Table order = table("shop_order").entity("Order").field("id", column("id", "bigint"))
                .field("author", column("author_id", "bigint")).primaryKey("id")
                .constraint(foreignKey("fk_order_author", "author_id").references("author", "id"));
        ProjectState before = BEFORE.addTable("shop", "Order", order);
        var e = assertThrows(KeelException.class, () -> SafetyRewriter.rewrite("blog", before,
                List.of(deleteModel("author")), SafetyOptions.DEFAULT));
        assertEquals(ErrorKind.INPUT_NEEDED, e.kind());
        assertEquals(1, e.problems().size(), e.problems().toString());
        String message = e.problems().get(0);
        assertTrue(message.startsWith("model blog.author: table author cannot be deleted while foreign keys of other tables"
                + " reference it:"), message);
        assertTrue(message.contains("blog.post (table post): foreign key fk_post_author (author_id) -> author (id)"), message);
        assertTrue(message.contains("shop.order (table shop_order): foreign key fk_order_author (author_id) -> author (id)"), message);
        assertTrue(message.contains("To fix: remove those references first"), message);
    }

    @Test
    void indexOnExistingTableIsConcurrentAndNonAtomic() {
        var plans = rewrite(addIndex("post", index("ix_post_title", "title")));
        assertEquals(List.of(addIndex("post", index("ix_post_title", "title"), true)), only(plans));
        assertFalse(plans.get(0).atomic());
        assertFalse(plans.get(0).postDeployment());
    }

    @Test
    void indexOnLargeTableRunsAfterDeployment() {
        var plans = rewriteLarge(addField("post", "slug", column("slug", "text").nullable()),
                addIndex("post", index("ix_post_title", "title")));
        assertEquals(List.of("atomic", "post-non-atomic"), shape(plans));
        assertEquals(List.of(addIndex("post", index("ix_post_title", "title"), true)), plans.get(1).operations());
    }

    @Test
    void indexOnNewTableStaysPlain() {
        Table tag = table("tag").entity("Tag").field("id", column("id", "bigint")).primaryKey("id");
        var plans = rewrite(createModel("Tag", tag), addIndex("tag", index("ix_tag_id", "id")));
        assertTrue(plans.get(0).atomic());
        assertEquals(List.of(createModel("Tag", tag), addIndex("tag", index("ix_tag_id", "id"))), only(plans));
    }

    @Test
    void aRenamedModelKeepsItsExistingTable() {
        var plans = rewrite(renameModel("Post", "Article"), addIndex("article", index("ix_article_title", "title")));
        assertEquals(List.of(renameModel("Post", "Article"), addIndex("article", index("ix_article_title", "title"), true)),
                flat(plans));
        assertEquals(List.of(renameModel("Post", "Article"), alterModelTable("article", "article"),
                        createCompatibilityView("post", "article", List.of("id", "title", "subtitle", "status", "author_id", "legacy_flag"))),
                only(rewrite(renameModel("Post", "Article"), alterModelTable("article", "article"))),
                "a renamed table keeps its old name as a view for the code still running");
    }

    static final ProjectState WITH_SEQUENCE = BEFORE.addSequence(sequence("post_seq").incrementBy(50));

    @Test
    void aRenamedTableIsExpandedItsSequenceForkedAndItsColumnsRenamedBehindTheView() {
        List<Operation> plain = List.of(renameSequence("post_seq", "article_seq"), alterModelTable("post", "article"),
                renameField("post", "title", "headline", "headline"));
        var plans = SafetyRewriter.rewrite("blog", WITH_SEQUENCE, plain, SafetyOptions.DEFAULT);
        assertEquals(List.of(forkSequence("post_seq", "article_seq", 1_000_000L), alterModelTable("post", "article"),
                createCompatibilityView("post", "article", List.of("id", "title", "subtitle", "status", "author_id", "legacy_flag")),
                renameField("post", "title", "headline", "headline")), only(plans));
        ProjectState end = WITH_SEQUENCE;
        var states = new java.util.ArrayList<ProjectState>();
        for (Operation op : only(plans)) {
            states.add(end);
            end = StateTransitions.apply(op, "blog", end);
        }
        assertEquals(List.of("article_seq"), end.sequences().stream().map(q -> q.name()).toList());
        assertEquals(List.of("post", "post_seq"), end.pending().stream().map(d -> d.table()).sorted().toList(),
                "the view and the old sequence wait for the contract");
        for (int i = states.size() - 1; i >= 0; i--) {
            for (Operation r : StateTransitions.reverse(only(plans).get(i), "blog", states.get(i))) {
                end = StateTransitions.apply(r, "blog", end);
            }
        }
        assertEquals(List.of(), dev.keel.diff.SchemaComparison.differences(WITH_SEQUENCE, end));
        assertEquals(List.of(), end.pending(), "undone: no view, no pending sequence");
    }

    @Test
    void aTableRenameIsRefusedOnlyWhereNoExpandFormExists() {
        Table legacy = table("post").entity("Legacy").field("id", column("id", "bigint")).primaryKey("id");
        var taken = assertThrows(KeelException.class, () -> rewrite(alterModelTable("post", "article"), createModel("Legacy", legacy)));
        assertTrue(taken.problems().get(0).contains("takes the name post in the same migration"), taken.problems().get(0));
        assertTrue(taken.problems().get(0).contains("To fix: rename the table in one release"), taken.problems().get(0));

        ProjectState countDown = BEFORE.addSequence(sequence("post_seq").incrementBy(-1));
        var down = assertThrows(KeelException.class, () -> SafetyRewriter.rewrite("blog", countDown,
                List.of(renameSequence("post_seq", "article_seq")), SafetyOptions.DEFAULT));
        assertTrue(down.problems().get(0).contains("counts down"), down.problems().get(0));

        ProjectState drawn = WITH_SEQUENCE.updateTable("blog", "Author",
                t -> t.column(column("number", "bigint").defaultSql("nextval('post_seq')")));
        var byDefault = assertThrows(KeelException.class, () -> SafetyRewriter.rewrite("blog", drawn,
                List.of(renameSequence("post_seq", "article_seq")), SafetyOptions.DEFAULT));
        assertTrue(byDefault.problems().get(0).contains("the default of author.number draws from it"), byDefault.problems().get(0));
        assertTrue(byDefault.problems().get(0).contains("@SequenceGenerator(sequenceName = \"post_seq\")"), byDefault.problems().get(0));

        var allowed = new SafetyOptions(Set.of(SafetyOptions.RENAME), Set.of());
        assertEquals(List.of(renameSequence("post_seq", "article_seq")),
                only(SafetyRewriter.rewrite("blog", drawn, List.of(renameSequence("post_seq", "article_seq")), allowed)),
                "--allow-unsafe rename renames the sequence in one step");
        assertEquals(List.of(alterModelTable("post", "article"), createModel("Legacy", legacy)),
                only(SafetyRewriter.rewrite("blog", BEFORE, List.of(alterModelTable("post", "article"), createModel("Legacy", legacy)), allowed)));
    }

    @Test
    void aNewModelRenamedInTheSameMigrationIsStillNew() {
        Table tag = table("tag").entity("Tag").field("id", column("id", "bigint")).primaryKey("id");
        var plans = rewrite(createModel("Tag", tag), renameModel("Tag", "Label"), addIndex("label", index("ix_label_id", "id")));
        assertEquals(addIndex("label", index("ix_label_id", "id")), flat(plans).get(2));
    }

    @Test
    void uniqueConstraintGoesThroughAConcurrentIndexKeepingDeferrable() {
        var unique = unique("uk_post_title", "title").deferrable();
        var plans = rewrite(addConstraint("post", unique));
        assertEquals(List.of("non-atomic", "atomic"), shape(plans));
        assertEquals(List.of(addIndex("post", index("uk_post_title", "title").unique(), true),
                addConstraintUsingIndex("post", unique, "uk_post_title")), flat(plans));
        assertTrue(((dev.keel.operations.AddConstraintUsingIndex) flat(plans).get(1)).constraint().isDeferrable());
        assertSameEndAndReversible(List.of(addConstraint("post", unique)), plans);
        assertEquals(List.of("post-non-atomic", "post-atomic"), shape(rewriteLarge(addConstraint("post", unique))));
    }

    @Test
    void foreignKeyAndCheckAreAddedNotValidThenValidatedInALaterTransaction() {
        var fk = foreignKey("fk_post_author2", "author_id").references("author", "id");
        var plans = rewrite(addConstraint("post", fk));
        assertEquals(List.of("atomic", "atomic"), shape(plans), "the validation does not run under the ADD's lock");
        assertEquals(List.of(addConstraint("post", fk.notValid()), validateConstraint("post", "fk_post_author2")), flat(plans));
        assertSameEndAndReversible(List.of(addConstraint("post", fk)), plans);
        assertEquals(List.of("atomic", "post-atomic"), shape(rewriteLarge(addConstraint("post", fk))));
    }

    @Test
    void severalChangesShareAtMostThreeMigrationsValidationsFirstInTheirs() {
        var plans = rewrite(
                addConstraint("post", foreignKey("fk_post_author2", "author_id").references("author", "id")),
                alterField("post", "subtitle", column("subtitle", "varchar(100)")),
                addIndex("post", index("ix_post_title", "title")),
                addField("post", "slug", column("slug", "text").nullable()));
        assertEquals(List.of("atomic", "non-atomic", "atomic"), shape(plans));
        var last = plans.get(2).operations();
        assertInstanceOf(dev.keel.operations.ValidateConstraint.class, last.get(0));
        assertInstanceOf(dev.keel.operations.ValidateConstraint.class, last.get(1));
        assertEquals(alterField("post", "subtitle", column("subtitle", "varchar(100)")), last.get(2));
    }

    @Test
    void setNotNullGoesThroughAValidatedCheck() {
        var plain = List.<Operation>of(alterField("post", "subtitle", column("subtitle", "varchar(100)")));
        var plans = rewrite(plain.get(0));
        assertEquals(List.of("atomic", "atomic"), shape(plans));
        var ops = flat(plans);
        assertEquals(List.of(addConstraint("post", check("post_subtitle_not_null", "subtitle IS NOT NULL").notValid()),
                validateConstraint("post", "post_subtitle_not_null"),
                plain.get(0),
                removeConstraint("post", "post_subtitle_not_null")), ops);
        assertSameEndAndReversible(plain, plans);
    }

    @Test
    void setNotNullOnALargeTableValidatesAfterDeploymentAndFinishesNextRun() {
        var alter = alterField("post", "subtitle", column("subtitle", "varchar(100)"));
        var notes = new java.util.ArrayList<String>();
        var first = SafetyRewriter.rewrite("blog", BEFORE, List.of(alter), new SafetyOptions(Set.of(), Set.of("post")), notes);
        assertEquals(List.of("atomic", "post-atomic"), shape(first));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("Run keel makemigrations again"), notes.get(0));
        ProjectState between = BEFORE;
        for (Operation op : flat(first)) {
            between = StateTransitions.apply(op, "blog", between);
        }
        // The differ's next run: the entities lack keel's check, and want the column NOT NULL.
        var second = SafetyRewriter.rewrite("blog", between, List.of(removeConstraint("post", "post_subtitle_not_null"), alter),
                new SafetyOptions(Set.of(), Set.of("post")));
        assertEquals(List.of(alter, removeConstraint("post", "post_subtitle_not_null")), only(second));
    }

    @Test
    void quotedColumnsInTheNotNullCheck() {
        ProjectState before = BEFORE.updateTable("blog", "post", t -> t.field("order", column("order", "integer").nullable()));
        var ops = flat(SafetyRewriter.rewrite("blog", before, List.of(alterField("post", "order", column("order", "integer"))),
                SafetyOptions.DEFAULT));
        assertEquals(addConstraint("post", check("post_order_not_null", "\"order\" IS NOT NULL").notValid()), ops.get(0));
    }

    @Test
    void replacedCheckIsSwappedWithoutAScanUnderLock() {
        var wider = check("post_status_check", "status IN ('DRAFT', 'LIVE', 'ARCHIVED')");
        var plain = List.<Operation>of(removeConstraint("post", "post_status_check"), addConstraint("post", wider));
        var plans = rewrite(plain.toArray(Operation[]::new));
        assertEquals(List.of("atomic", "atomic"), shape(plans));
        assertEquals(List.of(addConstraint("post", wider.withName("post_status_check_new").notValid()),
                validateConstraint("post", "post_status_check_new"),
                removeConstraint("post", "post_status_check"),
                renameConstraint("post", "post_status_check_new", "post_status_check")), flat(plans));
        assertSameEndAndReversible(plain, plans);
        var large = rewriteLarge(plain.toArray(Operation[]::new));
        assertEquals(List.of("atomic", "post-atomic"), shape(large));
        assertEquals(List.of(validateConstraint("post", "post_status_check")), large.get(1).operations());
    }

    @Test
    void replacedForeignKeyIsSwappedSoRowsStayChecked() {
        var cascading = foreignKey("fk_post_author", "author_id").references("author", "id").onDelete("CASCADE");
        var plain = List.<Operation>of(removeConstraint("post", "fk_post_author"), addConstraint("post", cascading));
        var plans = rewrite(plain.toArray(Operation[]::new));
        assertEquals(List.of(addConstraint("post", cascading.withName("fk_post_author_new").notValid()),
                validateConstraint("post", "fk_post_author_new"),
                removeConstraint("post", "fk_post_author"),
                renameConstraint("post", "fk_post_author_new", "fk_post_author")), flat(plans));
        assertEquals(List.of("atomic", "atomic"), shape(plans), "the validation runs in its own transaction, after the ADD's");
        assertSameEndAndReversible(plain, plans);
    }

    @Test
    void safeWideningsPassOtherTypeChangesAreWrittenAsExpandAndContract() {
        assertEquals(1, only(rewrite(alterField("post", "title", column("title", "varchar(200)")))).size());
        assertEquals(1, only(rewrite(alterField("post", "title", column("title", "text")))).size());
        var shrink = alterField("post", "title", column("title", "varchar(50)"));
        var plans = rewrite(shrink);
        assertEquals(List.of("atomic", "post-non-atomic", "post-atomic", "post-atomic"), shape(plans),
                "expand; backfill; NOT NULL proof added after the backfill; validations then the switch");
        assertEquals(List.of(addField("post", "titleKeelTwin", column("title_keel_new", "varchar(50)").nullable()),
                addColumnSync("post", "title", "title_keel_new", "title", "title_keel_new"),
                addConstraint("post", check("post_title_keel_length", "char_length(title_keel_new) <= 50").notValid())),
                plans.get(0).operations());
        assertEquals(List.of(copyColumn("post", "title_keel_new", "title")), plans.get(1).operations());
        assertTrue(plans.get(3).operations().contains(switchColumn("post", "title", "titleKeelTwin", "title_keel_old")));
        assertSameEndAndReversible(List.of(shrink), plans);
        var allowed = SafetyRewriter.rewrite("blog", BEFORE, List.of(shrink),
                new SafetyOptions(Set.of(SafetyOptions.TYPE_CHANGE), Set.of()));
        assertEquals(List.of(shrink), only(allowed), "--allow-unsafe type-change keeps the one-step ALTER TYPE");
    }

    @Test
    void typeChangesKeelCannotPairAreRefused() {
        var key = assertThrows(KeelException.class, () -> rewrite(alterField("author", "id", column("id", "numeric(20,0)"))));
        assertEquals(ErrorKind.INPUT_NEEDED, key.kind());
        assertTrue(key.getMessage().contains("it is part of the primary key author_pkey"), key.getMessage());
        assertTrue(key.getMessage().contains("--allow-unsafe type-change"), key.getMessage());
        var renamed = assertThrows(KeelException.class, () -> SafetyRewriter.rewrite("blog", BEFORE,
                List.of(alterField("post", "subtitle", column("sub", "varchar(10)").nullable())),
                new SafetyOptions(Set.of(SafetyOptions.RENAME), Set.of())));
        assertTrue(renamed.getMessage().contains("renamed to sub at the same time"), renamed.getMessage());
        var asked = assertThrows(KeelException.class, () -> rewrite(alterField("post", "legacyFlag", column("legacy_flag", "integer"))));
        assertTrue(asked.getMessage().contains("keel makemigrations --using \"blog.post.legacyFlag=legacy_flag::integer\""),
                asked.getMessage());
    }

    @Test
    void theColumnsForeignKeysChecksAndIndexesAreRebuiltOnTheTwinAndTakeTheirNamesAtTheSwitch() {
        var narrow = alterField("post", "author", column("author_id", "integer").nullable());
        var status = alterField("post", "status", column("status", "varchar(10)").nullable());
        var plans = SafetyRewriter.rewrite("blog", BEFORE, List.of(narrow, status), new SafetyOptions(Set.of(), Set.of(), false,
                java.util.Map.of("blog.Post.author", "author_id::integer")));
        var ops = flat(plans);
        assertTrue(ops.contains(addConstraint("post", foreignKey("fk_post_author_keel_new", "author_id_keel_new")
                .references("author", "id").notValid())), ops.toString());
        assertTrue(ops.contains(validateConstraint("post", "fk_post_author_keel_new")), ops.toString());
        assertTrue(ops.contains(addConstraint("post", check("post_status_check_keel_new", "status_keel_new IN ('DRAFT', 'LIVE')").notValid())),
                ops.toString());
        assertTrue(ops.indexOf(removeConstraint("post", "fk_post_author")) < ops.indexOf(switchColumn("post", "author", "authorKeelTwin", "author_id_keel_old")));
        assertTrue(ops.indexOf(renameConstraint("post", "fk_post_author_keel_new", "fk_post_author"))
                > ops.indexOf(switchColumn("post", "author", "authorKeelTwin", "author_id_keel_old")));
        assertTrue(ops.contains(addColumnSync("post", "author_id", "author_id_keel_old", "author_id::bigint", "author_id_keel_old::integer")),
                "after the switch the old column follows the new one, the user's expression the other way: " + ops);
        assertSameEndAndReversible(List.of(narrow, status), plans);
    }

    @Test
    void aSecondTypeChangeBeforeTheDeletePhaseIsRefused() {
        var first = rewrite(alterField("post", "title", column("title", "varchar(50)")));
        ProjectState state = BEFORE;
        for (Operation op : flat(first)) {
            state = StateTransitions.apply(op, "blog", state);
        }
        ProjectState afterFirst = state;
        var e = assertThrows(KeelException.class, () -> SafetyRewriter.rewrite("blog", afterFirst,
                List.of(alterField("post", "title", column("title", "varchar(20)"))), SafetyOptions.DEFAULT));
        assertTrue(e.getMessage().contains("finish it first with keel makemigrations --delete-pending"), e.getMessage());
    }

    @Test
    void withoutATotalWayBackTheOldColumnGetsNullAfterTheSwitch() {
        var toInt = alterField("post", "subtitle", column("subtitle", "integer").nullable());
        var plans = SafetyRewriter.rewrite("blog", BEFORE, List.of(toInt), new SafetyOptions(Set.of(), Set.of(), false,
                java.util.Map.of("blog.Post.subtitle", "NULLIF(subtitle, '')::integer")));
        assertTrue(flat(plans).contains(addColumnSync("post", "subtitle", "subtitle_keel_old", "NULL",
                "NULLIF(subtitle_keel_old, '')::integer")), flat(plans).toString());
        assertSameEndAndReversible(List.of(toInt), plans);
    }

    @Test
    void aLongColumnNameGivesTwinNamesWithinPostgresLimit() {
        String longName = "a_really_long_column_name_that_goes_on_and_on_for_sixty_chars";
        ProjectState before = BEFORE.updateTable("blog", "post", t -> t.field("longOne", column(longName, "integer").nullable()));
        var plans = SafetyRewriter.rewrite("blog", before, List.of(alterField("post", "longOne", column(longName, "bigint").nullable())),
                SafetyOptions.DEFAULT);
        var add = (dev.keel.operations.AddField) plans.get(0).operations().get(0);
        assertTrue(add.column().name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63, add.column().name());
        assertTrue(add.column().name().endsWith("_keel_new"), add.column().name());
    }

    @Test
    void realRenamesAreRefusedStateOnlyRenamesPass() {
        assertEquals(1, only(rewrite(renameField("post", "title", "headline"))).size());
        var e = assertThrows(KeelException.class, () -> rewrite(renameField("post", "id", "key", "post_key"),
                renameField("author", "id", "key", "author_key")));
        assertEquals(2, e.problems().size(), "every refusal is listed");
        assertTrue(e.problems().get(0).contains("@Column(name = \"id\")"), e.problems().get(0));
        assertTrue(e.problems().get(1).contains("renaming column id to author_key"), e.problems().get(1));
    }

    @Test
    void aSequenceMovedOrRenamedIsForkedAndRefusedOnlyWithoutAForkNamingTheGeneratorThatKeepsIt() {
        ProjectState before = BEFORE.addSequence(new dev.keel.state.Sequence("crm.contact_ids", 1, 10))
                .addSequence(new dev.keel.state.Sequence("crm.down_ids", 1, -1))
                .addSequence(new dev.keel.state.Sequence("post_seq", 1, 50));
        var moved = SafetyRewriter.rewrite("blog", before,
                List.of(new dev.keel.operations.RenameSequence("crm.contact_ids", "sales.contact_ids")), SafetyOptions.DEFAULT);
        assertEquals(List.of(new dev.keel.operations.ForkSequence("crm.contact_ids", "sales.contact_ids", 1_000_000L)), only(moved));
        var renamed = SafetyRewriter.rewrite("blog", before,
                List.of(new dev.keel.operations.RenameSequence("post_seq", "article_seq")), SafetyOptions.DEFAULT);
        assertEquals(List.of(new dev.keel.operations.ForkSequence("post_seq", "article_seq", 1_000_000L)), only(renamed));
        var countsDown = assertThrows(KeelException.class, () -> SafetyRewriter.rewrite("blog", before,
                List.of(new dev.keel.operations.RenameSequence("crm.down_ids", "sales.down_ids")), SafetyOptions.DEFAULT));
        assertEquals(1, countsDown.problems().size());
        String problem = countsDown.problems().get(0);
        assertTrue(problem.startsWith("sequence crm.down_ids: moving it to schema sales (@SequenceGenerator(schema) changed)"), problem);
        assertTrue(problem.contains("keep it with @SequenceGenerator(sequenceName = \"down_ids\", schema = \"crm\") on the id"), problem);
    }

    @Test
    void aColumnRenameIsExpandCopySwitchAndTheConstraintsComeBackAfterTheCopy() {
        var fk = foreignKey("fk_post_author", "writer_id").references("author", "id");
        var plans = rewrite(renameField("post", "author", "writer", "writer_id"));
        assertEquals(List.of("atomic", "post-non-atomic", "post-atomic", "post-atomic"), shape(plans));
        // the old column keeps its foreign key until the contract, renamed out of the way of the new column's
        assertEquals(List.of(renameConstraint("post", "fk_post_author", "fk_post_author_keel_old"),
                addField("post", "writer", column("writer_id", "bigint").nullable()),
                addColumnSync("post", "author_id", "writer_id", "author_id", "writer_id"),
                safeRemoveField("post", "author", DeletionAction.MOVE_TO_PENDING)), plans.get(0).operations());
        assertEquals(List.of(copyColumn("post", "writer_id", "author_id")), plans.get(1).operations());
        assertEquals(List.of(addConstraint("post", fk.notValid())), plans.get(2).operations());
        assertEquals(List.of(validateConstraint("post", "fk_post_author")), plans.get(3).operations());
        assertSameEndAndReversible(List.of(renameField("post", "author", "writer", "writer_id")), plans);

        var notNull = rewrite(renameField("post", "title", "headline", "headline"));
        assertEquals(List.of("atomic", "post-non-atomic", "post-atomic", "post-atomic"), shape(notNull));
        // both NOT NULL without a default: the old column keeps NOT NULL (the trigger fills it before the check)
        assertEquals(List.of(addField("post", "headline", column("headline", "varchar(100)").nullable()),
                addColumnSync("post", "title", "headline", "title", "headline"),
                safeRemoveField("post", "title", DeletionAction.MOVE_TO_PENDING)), notNull.get(0).operations());
        assertEquals(List.of(validateConstraint("post", "post_headline_not_null"),
                alterField("post", "headline", column("headline", "varchar(100)")),
                removeConstraint("post", "post_headline_not_null")), notNull.get(3).operations());
        assertSameEndAndReversible(List.of(renameField("post", "title", "headline", "headline")), notNull);

        var allowed = SafetyRewriter.rewrite("blog", BEFORE, List.of(renameField("post", "title", "headline", "headline")),
                new SafetyOptions(Set.of(SafetyOptions.RENAME), Set.of()));
        assertEquals(List.of(renameField("post", "title", "headline", "headline")), only(allowed), "--allow-unsafe rename: one step");
    }

    @Test
    void volatileDefaultIsExpandedAndBackfilledAfterDeployment() {
        var plans = rewrite(addField("post", "token", column("token", "uuid").defaultSql("gen_random_uuid()")));
        assertEquals(List.of("atomic", "post-non-atomic"), shape(plans));
        assertEquals(List.of(addField("post", "token", column("token", "uuid").nullable()),
                alterField("post", "token", column("token", "uuid").nullable().defaultSql("gen_random_uuid()"))),
                plans.get(0).operations());
        assertTrue(plans.get(1).postDeployment());
        assertInstanceOf(RunSql.class, plans.get(1).operations().get(0));
        assertTrue(((RunSql) plans.get(1).operations().get(0)).sql().contains("UPDATE post SET token = gen_random_uuid()"));
        assertFalse(plans.get(1).atomic(), "the backfill commits between batches");
    }

    @Test
    void nonVolatileDefaultStaysOneAddColumn() {
        var add = addField("post", "active", column("active", "boolean").defaultSql("true"));
        assertEquals(List.of(add), only(rewrite(add)));
        assertTrue(rewrite(add).get(0).atomic());
    }

    @Test
    void identifiersFitIn63Bytes() {
        String longName = "a_really_long_table_name_that_goes_on_and_on_and_on_x_column_name_that_is_long";
        String made = Identifiers.make(longName, "not_null");
        assertTrue(made.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63, made);
        assertTrue(made.endsWith("_not_null"), made);
        assertEquals(made, Identifiers.make(longName, "not_null"), "deterministic");
        assertFalse(made.equals(Identifiers.make(longName + "2", "not_null")), "distinct inputs stay distinct");
        assertEquals("post_title_not_null", Identifiers.make("post_title", "not_null"));
    }

    @Test
    void everyNameInAPlanFitsIn63BytesEvenForLongAndMultibyteNames() {
        String longTable = "t".repeat(60);
        String longColumn = "\u00e9".repeat(40); // 80 bytes in UTF-8
        String longCheck = "c".repeat(63);
        Table t = table(longTable).entity("Long").field("id", column("id", "bigint"))
                .field("value", column(longColumn, "text").nullable())
                .field("status", column("status", "text").nullable())
                .primaryKey("id").constraint(check(longCheck, "status <> 'x'"));
        ProjectState before = ProjectState.EMPTY.addTable("blog", "Long", t);
        var plans = SafetyRewriter.rewrite("blog", before, List.of(
                alterField("long", "value", column(longColumn, "text")),
                removeConstraint("long", longCheck), addConstraint("long", check(longCheck, "status <> 'y'"))), SafetyOptions.DEFAULT);
        var names = new java.util.TreeSet<String>();
        for (Operation op : flat(plans)) {
            if (op instanceof dev.keel.operations.AddConstraint a) {
                names.add(a.constraint().name());
            } else if (op instanceof dev.keel.operations.RenameConstraint r) {
                names.add(r.newName());
            }
        }
        assertEquals(3, names.size(), "the proof check, the temporary check and the kept name: " + names);
        for (String name : names) {
            assertTrue(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Identifiers.MAX_BYTES, name);
        }
        assertEquals(plans, SafetyRewriter.rewrite("blog", before, List.of(
                alterField("long", "value", column(longColumn, "text")),
                removeConstraint("long", longCheck), addConstraint("long", check(longCheck, "status <> 'y'"))),
                SafetyOptions.DEFAULT), "the same input gives the same names");
    }

    @Test
    void aSuffixTooLongForANameIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Identifiers.make("post", "x".repeat(40)));
    }
}
