package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code LOCK TABLE} statements keel puts in a transaction: none while it waits for one table at a time,
 * and {@code NOWAIT} for every table it would otherwise wait for while holding a lock that blocks another
 * table's readers or writers; a lock is taken where its statement needs it, never earlier.
 */
class LockPlanTest {
    static final ProjectState BASE = state(
            createModel("tag", table("tag").field("id", column("id", "bigint")).primaryKey("id")),
            createModel("post", table("post").field("id", column("id", "bigint"))
                    .field("tag", column("tag_id", "bigint").nullable()).field("title", column("title", "text").nullable())
                    .primaryKey("id").constraint(foreignKey("fk_post_tag", "tag_id").references("tag", "id").notValid())),
            createModel("comment", table("comment").field("id", column("id", "bigint")).primaryKey("id")));

    static ProjectState state(Operation... ops) {
        ProjectState s = ProjectState.EMPTY;
        for (Operation op : ops) {
            s = StateTransitions.apply(op, "blog", s);
        }
        return s;
    }

    /** Each step's LOCK statements, then the step, one line each. */
    static List<String> script(boolean atomic, Operation... ops) {
        var spec = new MigrationSpec(new MigrationKey("blog", "0002_x"), List.of(new MigrationKey("blog", "0001_initial")),
                List.of(ops), atomic, false, false, List.of(), "test");
        var lines = new ArrayList<String>();
        for (ScriptStep step : Scripts.forwards(spec, BASE).steps()) {
            step.locks().forEach(l -> lines.add(l.sql()));
            lines.add(step.text());
        }
        return lines;
    }

    @Test
    void aManyToOneWaitsForTheTableGettingTheColumnAndNotForTheReferencedOne() {
        assertEquals(List.of(
                "ALTER TABLE post ADD COLUMN primary_tag_id bigint",
                "LOCK TABLE tag IN SHARE ROW EXCLUSIVE MODE NOWAIT",
                "ALTER TABLE post ADD CONSTRAINT fk_post_primary FOREIGN KEY (primary_tag_id) REFERENCES tag (id) NOT VALID"),
                script(true, addField("post", "primaryTag", column("primary_tag_id", "bigint").nullable()),
                        addConstraint("post", foreignKey("fk_post_primary", "primary_tag_id").references("tag", "id").notValid())));
    }

    @Test
    void aLoneForeignKeyTakesItsOwnTableFirstThenTheReferencedOneWithoutWaiting() {
        for (boolean atomic : new boolean[] {true, false}) {
            List<String> lines = script(atomic,
                    addConstraint("post", foreignKey("fk_post_tag2", "tag_id").references("tag", "id").notValid()));
            assertEquals(List.of("LOCK TABLE post IN SHARE ROW EXCLUSIVE MODE", "LOCK TABLE tag IN SHARE ROW EXCLUSIVE MODE NOWAIT"),
                    lines.subList(0, 2), lines.toString());
        }
    }

    @Test
    void oneTableAtATimeNeedsNoLockStatement() {
        assertEquals(List.of("ALTER TABLE post ADD COLUMN a text", "ALTER TABLE post ADD COLUMN b text"),
                script(true, addField("post", "a", column("a", "text").nullable()), addField("post", "b", column("b", "text").nullable())));
        // validating reads tag under ROW SHARE, which blocks no one: the SET NOT NULL after it waits for post as usual
        assertEquals(List.of("ALTER TABLE post VALIDATE CONSTRAINT fk_post_tag", "ALTER TABLE post ALTER COLUMN title SET NOT NULL"),
                script(true, validateConstraint("post", "fk_post_tag"), alterField("post", "title", column("title", "text"))));
    }

    @Test
    void evenAWeakLockOnAnotherTableIsNotWaitedForWhileHoldingABlockingOne() {
        assertEquals(List.of("ALTER TABLE post ADD COLUMN a text", "LOCK TABLE tag IN ROW SHARE MODE NOWAIT",
                        "ALTER TABLE post VALIDATE CONSTRAINT fk_post_tag"),
                script(true, addField("post", "a", column("a", "text").nullable()), validateConstraint("post", "fk_post_tag")));
    }

    @Test
    void aValidationIsNotMadeToScanUnderTheStrongerLockOfALaterStatement() {
        // the scan runs under SHARE UPDATE EXCLUSIVE on post and ROW SHARE on tag, which block neither readers nor writers
        List<String> lines = script(true, validateConstraint("post", "fk_post_tag"),
                addField("tag", "label", column("label", "text").nullable()));
        assertEquals(List.of("ALTER TABLE post VALIDATE CONSTRAINT fk_post_tag", "ALTER TABLE tag ADD COLUMN label text"), lines);
    }

    @Test
    void twoTablesChangedInOneTransactionTakeTheSecondWithoutWaiting() {
        assertEquals(List.of(
                "ALTER TABLE post ADD COLUMN a text",
                "LOCK TABLE comment IN ACCESS EXCLUSIVE MODE NOWAIT",
                "ALTER TABLE comment ADD COLUMN b text",
                "ALTER TABLE post ADD COLUMN c text"),
                script(true, addField("post", "a", column("a", "text").nullable()), addField("comment", "b", column("b", "text").nullable()),
                        addField("post", "c", column("c", "text").nullable())));
    }

    @Test
    void aNonAtomicMigrationCommitsEachStepSoEachStepStartsHoldingNothing() {
        List<String> lines = script(false, addField("post", "a", column("a", "text").nullable()),
                addField("comment", "b", column("b", "text").nullable()));
        assertEquals(List.of("ALTER TABLE post ADD COLUMN IF NOT EXISTS a text", "ALTER TABLE comment ADD COLUMN IF NOT EXISTS b text"),
                lines);
    }

    @Test
    void aNewTableWaitsForTheFirstExistingTableItReferencesOnly() {
        List<String> lines = script(true, createModel("post_tags", table("post_tags")
                .field("post", column("post_id", "bigint")).field("tag", column("tag_id", "bigint")).primaryKey("post_id", "tag_id")
                .constraint(foreignKey("fk_pt_post", "post_id").references("post", "id"))
                .constraint(foreignKey("fk_pt_tag", "tag_id").references("tag", "id"))
                .index(index("post_tags_tag_idx", "tag_id"))));
        assertEquals(List.of(
                "CREATE TABLE post_tags (\n    post_id bigint NOT NULL,\n    tag_id bigint NOT NULL,\n"
                        + "    CONSTRAINT post_tags_pkey PRIMARY KEY (post_id, tag_id)\n)",
                "ALTER TABLE post_tags ADD CONSTRAINT fk_pt_post FOREIGN KEY (post_id) REFERENCES post (id)",
                "LOCK TABLE tag IN SHARE ROW EXCLUSIVE MODE NOWAIT",
                "ALTER TABLE post_tags ADD CONSTRAINT fk_pt_tag FOREIGN KEY (tag_id) REFERENCES tag (id)",
                "CREATE INDEX post_tags_tag_idx ON post_tags (tag_id)"), lines);
    }

    @Test
    void droppingATableWithAForeignKeyTakesBothTables() {
        assertEquals(List.of("LOCK TABLE post IN ACCESS EXCLUSIVE MODE", "LOCK TABLE tag IN ACCESS EXCLUSIVE MODE NOWAIT", "DROP TABLE post"),
                script(true, deleteModel("post")));
    }

    @Test
    void anIndexBuildBlocksWritersSoATableAfterItIsNotWaitedFor() {
        assertEquals(List.of("CREATE INDEX post_title_idx ON post (title)", "LOCK TABLE tag IN ACCESS EXCLUSIVE MODE NOWAIT",
                        "ALTER TABLE tag ADD COLUMN label text"),
                script(true, addIndex("post", index("post_title_idx", "title")), addField("tag", "label", column("label", "text").nullable())));
    }

    @Test
    void theUsersSqlIsNotReadAndTakesNothingAsFarAsKeelKnows() {
        assertEquals(List.of("UPDATE comment SET id = id", "ALTER TABLE post ADD COLUMN a text"),
                script(true, runSql("UPDATE comment SET id = id"), addField("post", "a", column("a", "text").nullable())));
    }
}
