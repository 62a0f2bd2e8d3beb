package dev.keel.runner.apply;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleApplierTest {
    static MigrationSpec migration(String name, boolean atomic, Operation... ops) {
        return new MigrationSpec(new MigrationKey("blog", name), List.of(), List.of(ops), atomic, false, false, List.of(), "test");
    }

    static ProjectState replay(MigrationSpec m) {
        ProjectState s = ProjectState.EMPTY;
        for (Operation op : m.operations()) {
            s = StateTransitions.apply(op, m.app(), s);
        }
        return s;
    }

    static final MigrationSpec INITIAL = migration("0001_initial", true,
            createModel("post", table("post").entity("Post")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("title", column("title", "varchar(255)"))
                    .primaryKey("id")),
            createSequence(sequence("post_seq").incrementBy(50)));
    static final MigrationSpec ADD_SLUG = migration("0002_add_slug", true,
            addField("post", "slug", column("slug", "varchar(80)").nullable()),
            runSql("UPDATE post SET slug = lower(title)", "UPDATE post SET slug = NULL"));
    static final MigrationSpec INDEX_SLUG = migration("0003_index_slug", false,
            addIndex("post", index("post_slug_idx", "slug").unique()).concurrently());

    @Test
    void appliesInOrderAndUnappliesBackToTheStart() throws SQLException {
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState s = applier.apply(List.of(INITIAL), ProjectState.EMPTY);
            db.execute("INSERT INTO post (title) VALUES ('Hello World')");
            s = applier.apply(List.of(ADD_SLUG, INDEX_SLUG), s);
            assertEquals(List.of(), CatalogDiff.compare(Catalog.fromState(s), db.catalog()));
            assertEquals(1, db.count("SELECT count(*) FROM post WHERE slug = 'hello world'"));
            assertTrue(db.connection.getAutoCommit(), "the connection is left as it was");

            ProjectState initial = replay(INITIAL);
            assertEquals(initial, applier.unapply(List.of(ADD_SLUG, INDEX_SLUG), initial));
            assertEquals(List.of(), CatalogDiff.compare(Catalog.fromState(initial), db.catalog()));
            assertEquals(1, db.count("SELECT count(*) FROM post"), "the data stays");
            assertEquals(ProjectState.EMPTY, applier.unapply(List.of(INITIAL), ProjectState.EMPTY));
            assertEquals(List.of(), CatalogDiff.compare(Catalog.fromState(ProjectState.EMPTY), db.catalog()));
        }
    }

    @Test
    void aFailingAtomicMigrationLeavesNothingAndSaysWhere() throws SQLException {
        var broken = migration("0002_broken", true,
                addField("post", "slug", column("slug", "varchar(80)").nullable()),
                runSql("UPDATE post SET nope = 1", null));
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState s = applier.apply(List.of(INITIAL), ProjectState.EMPTY);
            var e = assertThrows(KeelException.class, () -> applier.apply(List.of(broken), s));
            assertEquals(ErrorKind.DATABASE, e.kind());
            assertTrue(e.getMessage().startsWith("migration blog.0002_broken (apply), operation \"Raw SQL: UPDATE post SET nope = 1\""
                    + ": statement failed:\n    UPDATE post SET nope = 1\nPostgreSQL: ERROR: column \"nope\" of relation \"post\" does not exist"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("nothing of this migration was applied"), e.getMessage());
            assertEquals(List.of(), CatalogDiff.compare(Catalog.fromState(s), db.catalog()), "the ADD COLUMN was rolled back");
        }
    }

    @Test
    void aFailingNonAtomicMigrationKeepsWhatRan() throws SQLException {
        var broken = migration("0002_broken", false,
                addField("post", "slug", column("slug", "varchar(80)").nullable()),
                addIndex("post", index("post_slug_idx", "nope")).concurrently());
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState s = applier.apply(List.of(INITIAL), ProjectState.EMPTY);
            var e = assertThrows(KeelException.class, () -> applier.apply(List.of(broken), s));
            assertTrue(e.getMessage().contains("operation \"Create index post_slug_idx on post concurrently\""), e.getMessage());
            assertTrue(e.getMessage().contains("the statements before this one stay applied"), e.getMessage());
            assertTrue(db.catalog().table("post").orElseThrow().columns().containsKey("slug"));
        }
    }

    @Test
    void aConcurrentIndexInAnAtomicMigrationIsRefusedByPostgres() throws SQLException {
        var wrong = migration("0002_wrong", true, addIndex("post", index("post_title_idx", "title")).concurrently());
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState s = applier.apply(List.of(INITIAL), ProjectState.EMPTY);
            var e = assertThrows(KeelException.class, () -> applier.apply(List.of(wrong), s));
            assertTrue(e.getMessage().contains("cannot run inside a transaction block"), e.getMessage());
        }
    }

    @Test
    void javaStepsGoToTheHookWithTheStateTheyMeet() throws SQLException {
        var seeded = migration("0002_seed", true, runJava("seed", "unseed"));
        try (Db db = Db.fresh()) {
            var calls = new ArrayList<String>();
            var applier = new SimpleApplier(db.connection, (m, method, c, state) -> {
                calls.add(m.name() + "." + method + " " + state.requireTable("blog", "post").name());
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO post (title) VALUES ('" + method + "')");
                }
            });
            ProjectState s = applier.apply(List.of(INITIAL, seeded), ProjectState.EMPTY);
            applier.unapply(List.of(seeded), s);
            assertEquals(List.of("0002_seed.seed post", "0002_seed.unseed post"), calls);
            assertEquals(2, db.count("SELECT count(*) FROM post"));

            var refusing = new SimpleApplier(db.connection);
            var e = assertThrows(KeelException.class, () -> refusing.apply(List.of(seeded), s));
            assertEquals(ErrorKind.NOT_BUILT, e.kind());
        }
    }

    @Test
    void anIrreversibleMigrationIsRefusedBeforeAnyStatement() throws SQLException {
        var irreversible = migration("0002_data", true, runSql("UPDATE post SET title = upper(title)"));
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState s = applier.apply(List.of(INITIAL, irreversible, ADD_SLUG), ProjectState.EMPTY);
            var e = assertThrows(KeelException.class,
                    () -> applier.unapply(List.of(INITIAL, irreversible, ADD_SLUG), ProjectState.EMPTY));
            assertEquals(ErrorKind.IRREVERSIBLE, e.kind());
            assertEquals(List.of(), CatalogDiff.compare(Catalog.fromState(s), db.catalog()));
        }
    }
}
