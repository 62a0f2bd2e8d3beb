package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.JavaCode;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every step of a non-atomic migration, as the runner rewrites it, run twice in a row on a real
 * PostgreSQL (what a re-run after a failure part-way does), forwards and backwards: the second run
 * of each step changes nothing and fails nothing, and the database ends as the state says.
 */
class ReRunnableDatabaseTest {
    static final List<Operation> OPS = List.of(
            createSequence(sequence("author_seq").incrementBy(50)),
            createModel("Author", table("author").entity("Author")
                    .field("id", column("id", "bigint"))
                    .field("email", column("email", "varchar(255)"))
                    .primaryKey("id")),
            createModel("Post", table("post").entity("Post")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("author", column("author_id", "bigint").nullable())
                    .field("title", column("title", "varchar(100)"))
                    .primaryKey("id")),
            addField("Post", "slug", column("slug", "varchar(200)").nullable()),
            alterField("Post", "title", column("title", "varchar(200)")),
            addConstraint("Post", foreignKey("fk_post_author", "author_id").references("author", "id").notValid()),
            validateConstraint("Post", "fk_post_author"),
            addConstraint("Post", check("post_title_not_blank", "title <> ''").notValid()),
            addIndex("Post", index("post_slug_uidx", "slug").unique(), true),
            addConstraintUsingIndex("Post", unique("uk_post_slug", "slug"), "post_slug_uidx"),
            renameConstraint("Post", "post_title_not_blank", "ck_post_title"),
            renameField("Post", "slug", "handle", "handle"),
            addIndex("Post", index("post_title_idx", "title"), true),
            renameIndex("Post", "post_title_idx", "idx_post_title"),
            alterSequence(sequence("author_seq").incrementBy(10)),
            addField("Author", "nickname", column("nickname", "text").nullable()),
            removeField("Author", "nickname"),
            removeIndex("Post", "idx_post_title", true));

    static final MigrationSpec MIGRATION = new MigrationSpec(new MigrationKey("blog", "0001_everything"), List.of(), OPS,
            false, false, true, List.of(), "test");

    /** Runs every step twice. */
    static final class Twice implements SqlSink {
        private final JdbcSink sink;

        Twice(Db db) {
            this.sink = new JdbcSink(db.connection, JavaCode.none());
        }

        @Override public void timeouts(Duration lock, Duration statement) throws Exception { sink.timeouts(lock, statement); }
        @Override public void begin() throws Exception { sink.begin(); }
        @Override public void commit() throws Exception { sink.commit(); }
        @Override public void rollback() { sink.rollback(); }

        @Override
        public void run(MigrationSpec migration, ScriptStep step, int index, int count) throws Exception {
            sink.run(migration, step, index, count);
            sink.run(migration, step, index, count);
        }
    }

    @Test
    void everyStepRunsTwiceForwardsAndBackwards() throws Exception {
        ProjectState after = ProjectState.EMPTY;
        for (Operation op : OPS) {
            after = StateTransitions.apply(op, "blog", after);
        }
        try (Db db = Db.fresh()) {
            var executor = new Executor(new Twice(db), SchemaHistory.none(), RunnerSettings.defaults(), MigrateListener.silent());
            executor.run(Scripts.forwards(MIGRATION, ProjectState.EMPTY), "", 0);
            assertEquals(List.of(), CatalogDiff.strict().diff(Catalog.fromState(after), db.catalog()).differences());

            executor.run(Scripts.backwards(MIGRATION, ProjectState.EMPTY), "", 0);
            assertEquals(List.of(), CatalogDiff.strict().diff(Catalog.fromState(ProjectState.EMPTY), db.catalog()).differences());
        }
    }
}
