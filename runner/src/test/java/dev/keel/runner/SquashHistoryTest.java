package dev.keel.runner;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The runner honours squashes ({@code replaces}) as Django does, on a real PostgreSQL: a squash runs
 * where none of its range is applied and is recorded with every migration it replaces; where all are
 * applied it counts as applied and is recorded; where some are, the originals finish the range and
 * then the squash is recorded; and the replaced files can go.
 */
class SquashHistoryTest {
    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("post", table("post").entity("Post")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("title", column("title", "varchar(255)"))
                    .primaryKey("id")));
    static final MigrationSpec SLUG = Specs.spec("blog.0002_add_slug").after("blog.0001_initial").ops(
            addField("post", "slug", column("slug", "varchar(80)").nullable()));
    static final MigrationSpec SQUASH = new MigrationSpec(new MigrationKey("blog", "0001_squashed_0002_add_slug"),
            List.of(), List.of(createModel("post", table("post").entity("Post")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("title", column("title", "varchar(255)"))
                    .field("slug", column("slug", "varchar(80)").nullable())
                    .primaryKey("id"))),
            true, false, true, List.of(INITIAL.key(), SLUG.key()), "test:squash");
    /** A later migration, and one of another app, depending on a replaced migration. */
    static final MigrationSpec TAG = Specs.spec("blog.0003_add_tag").after("blog.0002_add_slug").ops(
            addField("post", "tag", column("tag", "varchar(20)").nullable()));
    static final MigrationSpec SHOP = Specs.spec("shop.0001_initial").after("blog.0002_add_slug").ops(
            createModel("item", table("item").field("id", column("id", "bigint")).primaryKey("id")));

    private static Set<String> recorded(Db db) throws Exception {
        var out = new TreeSet<String>();
        try (var st = db.connection.createStatement();
             var r = st.executeQuery("SELECT app || '.' || name FROM keel_migrations WHERE phase = 'applied'")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static List<String> done(MigrateResult r) {
        return r.done().stream().map(d -> d.action() + " " + d.key()).toList();
    }

    private static List<String> slugColumns(Db db) throws Exception {
        var out = new java.util.ArrayList<String>();
        try (var st = db.connection.createStatement();
             var r = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'post' ORDER BY ordinal_position")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    @Test
    void onAnEmptyDatabaseTheSquashRunsAndIsRecordedWithWhatItReplaces() throws Exception {
        MigrationSet set = Specs.set(INITIAL, SLUG, SQUASH, TAG, SHOP);
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, set, Specs.FAST, MigrateListener.silent())) {
            assertEquals(List.of("APPLY blog.0001_squashed_0002_add_slug", "APPLY blog.0003_add_tag", "APPLY shop.0001_initial"),
                    done(m.migrate(MigrateRequest.all())));
            assertEquals(Set.of("blog.0001_initial", "blog.0002_add_slug", "blog.0001_squashed_0002_add_slug",
                    "blog.0003_add_tag", "shop.0001_initial"), recorded(db));
            assertEquals(List.of("id", "title", "slug", "tag"), slugColumns(db));
            assertEquals(List.of(), m.status().problems());

            // backwards to zero unapplies the squash and forgets what it replaced
            done(m.migrate(new MigrateRequest("shop", "zero", false, false)));
            assertEquals(List.of("UNAPPLY blog.0003_add_tag", "UNAPPLY blog.0001_squashed_0002_add_slug"),
                    done(m.migrate(new MigrateRequest("blog", "zero", false, false))));
            assertEquals(Set.of(), recorded(db));
        }
    }

    @Test
    void whereEveryReplacedMigrationIsAppliedTheSquashCountsAsAppliedAndIsRecorded() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator before = Specs.migrator(db, Specs.set(INITIAL, SLUG), Specs.FAST, MigrateListener.silent())) {
                before.migrate(MigrateRequest.all());
            }
            var notices = new java.util.ArrayList<String>();
            MigrateListener listener = new MigrateListener() {
                @Override public void notice(String message) {
                    notices.add(message);
                }
            };
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, SLUG, SQUASH, TAG), Specs.FAST, listener)) {
                assertEquals(List.of("APPLY blog.0003_add_tag"), done(m.migrate(MigrateRequest.all())));
                assertEquals(List.of("Recorded squash blog.0001_squashed_0002_add_slug as applied: every migration it"
                        + " replaces is applied."), notices);
            }
            assertEquals(Set.of("blog.0001_initial", "blog.0002_add_slug", "blog.0001_squashed_0002_add_slug",
                    "blog.0003_add_tag"), recorded(db));
        }
    }

    @Test
    void wherePartOfTheRangeIsAppliedTheOriginalsFinishItThenTheSquashIsRecorded() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator before = Specs.migrator(db, Specs.set(INITIAL, SLUG), Specs.FAST, MigrateListener.silent())) {
                before.migrate(new MigrateRequest("blog", "0001", false, false));
            }
            try (Migrator m = Specs.migrator(db, Specs.set(INITIAL, SLUG, SQUASH, TAG, SHOP), Specs.FAST, MigrateListener.silent())) {
                assertEquals(List.of("blog.0002_add_slug", "blog.0003_add_tag", "shop.0001_initial"),
                        m.plan(MigrateRequest.all()).migrations().stream().map(p -> p.key().toString()).toList());
                assertEquals(List.of("APPLY blog.0002_add_slug", "APPLY blog.0003_add_tag", "APPLY shop.0001_initial"),
                        done(m.migrate(MigrateRequest.all())));
                assertEquals(List.of("id", "title", "slug", "tag"), slugColumns(db));
                assertEquals(Set.of("blog.0001_initial", "blog.0002_add_slug", "blog.0001_squashed_0002_add_slug",
                        "blog.0003_add_tag", "shop.0001_initial"), recorded(db));
                // from now on the squash is in use, and applied
                assertEquals(List.of("blog.0001_squashed_0002_add_slug", "blog.0003_add_tag", "shop.0001_initial"),
                        m.status().migrations().stream().map(s -> s.mark() + " " + s.key()).map(s -> s.substring(s.indexOf(' ') + 1)).toList());
                assertEquals(List.of(), done(m.migrate(MigrateRequest.all())));
            }
        }
    }

    @Test
    void theReplacedFilesCanBeDeletedOnceEveryDatabaseHasTheSquash() throws Exception {
        try (Db squashed = Db.fresh(); Db oneByOne = Db.fresh()) {
            try (Migrator m = Specs.migrator(squashed, Specs.set(INITIAL, SLUG, SQUASH), Specs.FAST, MigrateListener.silent())) {
                m.migrate(MigrateRequest.all());
            }
            try (Migrator m = Specs.migrator(oneByOne, Specs.set(INITIAL, SLUG), Specs.FAST, MigrateListener.silent())) {
                m.migrate(MigrateRequest.all());
            }
            // the replaced files are gone; 0003 and shop's initial still name 0002_add_slug, which leads to the squash
            MigrationSet after = Specs.set(SQUASH, TAG, SHOP);
            for (Db db : List.of(squashed, oneByOne)) {
                try (Migrator m = Specs.migrator(db, after, Specs.FAST, MigrateListener.silent())) {
                    assertEquals(List.of("APPLY blog.0003_add_tag", "APPLY shop.0001_initial"), done(m.migrate(MigrateRequest.all())));
                    assertEquals(List.of(), m.status().problems());
                    assertEquals(List.of(MigrationStatus.Mark.APPLIED, MigrationStatus.Mark.APPLIED, MigrationStatus.Mark.APPLIED),
                            m.status().migrations().stream().map(MigrationStatus::mark).toList());
                }
                assertEquals(List.of("id", "title", "slug", "tag"), slugColumns(db));
            }
        }
    }
}
