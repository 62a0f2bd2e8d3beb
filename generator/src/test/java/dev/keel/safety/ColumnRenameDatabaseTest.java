package dev.keel.safety;

import dev.keel.make.MakeOptions;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.AddColumnSync;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.operations.RemoveColumnSync;
import dev.keel.runner.Database;
import dev.keel.runner.JavaCode;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.Migrator;
import dev.keel.runner.RunnerSettings;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column rename of a NOT NULL, indexed column, as makemigrations writes it (the golden scenario
 * {@code 085_rename_indexed_not_null_column}), on PostgreSQL with the runner: deploy (expand), writes of the old code
 * (the old column only) and of the new code (the new column only), the post-deployment copy and switch, every row
 * equal in both columns, the contract of {@code --delete-pending}; then each step reversed, the writes kept.
 */
class ColumnRenameDatabaseTest {
    static final int ROWS = 5000;

    static final String BEFORE = """
            @Entity
            @Table(indexes = @Index(name = "idx_author_name", columnList = "name"))
            public class Author {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false, length = 100) private String name;
                private String bio;
            }
            """;
    static final String AFTER = """
            @Entity
            @Table(indexes = @Index(name = "idx_author_name", columnList = "display_name"))
            public class Author {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @RenamedFrom("name") @Column(nullable = false, length = 100) private String displayName;
                private String bio;
            }
            """;

    @TempDir Path project;

    private static Migrator migrator(Db db, List<MigrationSpec> specs) {
        var database = new Database(db.database.url(), db.database.user(), db.database.password(), null, "start the test server");
        return Migrator.connect(MigrationSet.of(specs, JavaCode.none()), database, RunnerSettings.defaults(), MigrateListener.silent());
    }

    private static void migrate(Db db, List<MigrationSpec> specs, String target, boolean postDeploy) {
        try (Migrator m = migrator(db, specs)) {
            m.migrate(new MigrateRequest("app", target, false, postDeploy));
        }
    }

    private static long count(Db db, String sql) throws Exception {
        return db.count(sql);
    }

    private static long unequal(Db db) throws Exception {
        return count(db, "SELECT count(*) FROM author WHERE name IS DISTINCT FROM display_name");
    }

    private static String indexOn(Db db) throws Exception {
        return indexOn(db, "idx_author_name");
    }

    /** The columns of the valid index {@code name}, or null when there is none. */
    private static String indexOn(Db db, String name) throws Exception {
        return ShopDatabase.text(db, "SELECT string_agg(a.attname, ',') FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE c.relname = '" + name + "' AND i.indisvalid");
    }

    /** The state the migrations {@code specs} build, applied in order. */
    private static ProjectState stateOf(List<MigrationSpec> specs) {
        ProjectState state = ProjectState.EMPTY;
        for (MigrationSpec m : specs) {
            for (Operation op : m.operations()) {
                state = StateTransitions.apply(op, m.app(), state);
            }
        }
        return state;
    }

    /** The deploy-time migrations of {@code all}: those before the first post-deployment one. */
    private static List<MigrationSpec> deployed(List<MigrationSpec> all) {
        int post = 0;
        while (post < all.size() && !all.get(post).postDeployment()) {
            post++;
        }
        return all.subList(0, post);
    }

    /** The plan of {@code query}, as EXPLAIN prints it, after fresh statistics. */
    private static String plan(Db db, String query) throws Exception {
        db.execute("ANALYZE author");
        var lines = new java.util.ArrayList<String>();
        try (var st = db.connection.createStatement(); var r = st.executeQuery("EXPLAIN " + query)) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    private static void assertRefused(Db db, String sql, String constraint) {
        var e = assertThrows(SQLException.class, () -> db.execute(sql), sql);
        assertTrue(e.getMessage().contains(constraint), sql + " must be refused by " + constraint + ": " + e.getMessage());
    }

    @Test
    void oldAndNewCodeWriteThroughEveryStepAndEveryRowEndsEqual() throws Exception {
        EntityProject p = EntityProject.in(project);
        p.entities(Map.of("Author", BEFORE));
        p.make(MakeOptions.defaults());
        try (Db db = Db.fresh()) {
            migrate(db, p.from(0), null, true);
            db.execute("INSERT INTO author (name, bio) SELECT 'author ' || g, 'bio' FROM generate_series(1, " + ROWS + ") g");

            p.entities(Map.of("Author", AFTER));
            p.make(MakeOptions.defaults());
            List<MigrationSpec> all = p.from(0);
            assertTrue(all.stream().flatMap(m -> m.operations().stream()).anyMatch(AddColumnSync.class::isInstance), all.toString());

            // deploy: the expand only
            migrate(db, all, null, false);
            assertEquals(ROWS, count(db, "SELECT count(*) FROM author WHERE display_name IS NULL"), "nothing copied yet");
            // the old column keeps its index (renamed out of the way of the new column's) and NOT NULL until the contract
            ShopDatabase.assertHolds(db, stateOf(deployed(all)));
            assertEquals("name", indexOn(db, "idx_author_name_keel_old"));
            String lookup = plan(db, "SELECT id FROM author WHERE name = 'author 4321'");
            assertTrue(lookup.contains("idx_author_name_keel_old"), "a lookup on the old column uses its index:\n" + lookup);
            assertEquals("true", ShopDatabase.text(db, "SELECT attnotnull::text FROM pg_attribute"
                    + " WHERE attrelid = 'author'::regclass AND attname = 'name'"));
            // a write of the new code without the field is refused now, as it will be by the new column's NOT NULL
            assertRefused(db, "INSERT INTO author (display_name, bio) VALUES (NULL, 'n')", "name");
            // the old code writes name only, the new code display_name only
            db.execute("INSERT INTO author (name, bio) VALUES ('old insert', 'o')",
                    "UPDATE author SET name = 'old update' WHERE id = 1",
                    "INSERT INTO author (display_name, bio) VALUES ('new insert', 'n')",
                    "UPDATE author SET display_name = 'new update' WHERE id = 2",
                    "UPDATE author SET bio = 'touched by the old code' WHERE id = 3");
            assertEquals("old insert", ShopDatabase.text(db, "SELECT display_name FROM author WHERE name = 'old insert'"));
            assertEquals("old update", ShopDatabase.text(db, "SELECT display_name FROM author WHERE id = 1"));
            assertEquals("new insert", ShopDatabase.text(db, "SELECT name FROM author WHERE display_name = 'new insert'"));
            assertEquals("new update", ShopDatabase.text(db, "SELECT name FROM author WHERE id = 2"));

            // post-deployment: the copy, then NOT NULL, the index on the new column
            migrate(db, all, null, true);
            ShopDatabase.assertHolds(db, stateOf(all));
            assertEquals("name", indexOn(db, "idx_author_name_keel_old"), "the old column's index stays until the contract");
            assertEquals(0, unequal(db), "every row equal in both columns after the copy");
            assertEquals(0, count(db, "SELECT count(*) FROM author WHERE display_name IS NULL"));
            assertEquals("true", ShopDatabase.text(db, "SELECT attnotnull::text FROM pg_attribute"
                    + " WHERE attrelid = 'author'::regclass AND attname = 'display_name'"));
            assertEquals("display_name", indexOn(db));
            db.execute("INSERT INTO author (name, bio) VALUES ('old after switch', 'o')",
                    "INSERT INTO author (display_name, bio) VALUES ('new after switch', 'n')",
                    "UPDATE author SET name = 'old again' WHERE id = 4", "UPDATE author SET display_name = 'new again' WHERE id = 5");
            assertEquals(0, unequal(db));
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree");

            // before the contract, every step goes back with nothing to fix by hand: the old column kept every write
            migrate(db, all, "0001", true);
            assertEquals(0, count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'author'"
                    + " AND column_name = 'display_name'"));
            assertEquals("name", indexOn(db));
            assertEquals(1, count(db, "SELECT count(*) FROM author WHERE name = 'new again' AND id = 5"), "the new code's writes stay");
            db.execute("INSERT INTO author (name, bio) VALUES ('old code alone', 'o')");
            migrate(db, all, null, true);
            assertEquals(0, unequal(db), "forwards again: every row copied");

            // contract
            p.make(EntityProject.DELETE_PENDING);
            List<MigrationSpec> withContract = p.from(0);
            MigrationSpec contract = withContract.get(withContract.size() - 1);
            assertTrue(contract.operations().get(0) instanceof RemoveColumnSync, contract.operations().toString());
            migrate(db, withContract, null, true);
            ShopDatabase.assertHolds(db, stateOf(withContract));
            assertEquals(null, indexOn(db, "idx_author_name_keel_old"), "the contract drops the old column with its index");
            assertEquals(0, count(db, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'author'::regclass AND NOT tgisinternal"));
            assertEquals(0, count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'author' AND column_name = 'name'"));
            db.execute("INSERT INTO author (display_name, bio) VALUES ('after the contract', 'n')");

            // each step reversed
            String last = all.get(all.size() - 1).key().name();
            migrate(db, withContract, last, true);
            assertEquals(1, count(db, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'author'::regclass AND NOT tgisinternal"),
                    "the contract undone: the trigger is back");
            assertEquals("name", indexOn(db, "idx_author_name_keel_old"), "the contract undone: the old column's index is back");
            db.execute("INSERT INTO author (name, bio) VALUES ('old code is back', 'o')");
            assertEquals("old code is back", ShopDatabase.text(db, "SELECT display_name FROM author WHERE name = 'old code is back'"));
            // the contract dropped the old column with its values: going back past it needs them filled again
            db.execute("UPDATE author SET name = display_name WHERE name IS NULL");
            migrate(db, withContract, "0001", true);
            assertEquals(0, count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'author'"
                    + " AND column_name = 'display_name'"));
            assertEquals(0, count(db, "SELECT count(*) FROM pg_proc WHERE proname LIKE 'keel_sync%'"));
            assertEquals("true", ShopDatabase.text(db, "SELECT attnotnull::text FROM pg_attribute"
                    + " WHERE attrelid = 'author'::regclass AND attname = 'name'"));
            assertEquals("name", indexOn(db));
            assertEquals(1, count(db, "SELECT count(*) FROM author WHERE name = 'new again' AND id = 5"), "the new code's writes stay");
            assertEquals(ROWS + 7, count(db, "SELECT count(*) FROM author"));
        }
    }

    static final String UNIQUE_BEFORE = """
            @Entity
            @Table(indexes = @Index(columnList = "email"))
            public class Author {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(unique = true) private String email;
                @ManyToOne private Author mentor;
            }
            """;
    static final String UNIQUE_AFTER = """
            @Entity
            @Table(indexes = @Index(columnList = "mail"))
            public class Author {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @RenamedFrom("email") @Column(unique = true) private String mail;
                @RenamedFrom("mentor") @ManyToOne @JoinColumn(name = "coach_id") private Author coach;
            }
            """;

    /** Scenario 086: a unique, indexed column and a foreign key column renamed together; the names that follow them too. */
    @Test
    void uniqueAndForeignKeyColumnsComeBackValidUnderTheirNewNames() throws Exception {
        EntityProject p = EntityProject.in(project);
        p.entities(Map.of("Author", UNIQUE_BEFORE));
        p.make(MakeOptions.defaults());
        try (Db db = Db.fresh()) {
            migrate(db, p.from(0), null, true);
            db.execute("INSERT INTO author (email) SELECT 'a' || g || '@example.com' FROM generate_series(1, " + ROWS + ") g",
                    "UPDATE author SET mentor_id = id - 1 WHERE id > 1");
            p.entities(Map.of("Author", UNIQUE_AFTER));
            p.make(MakeOptions.defaults());
            List<MigrationSpec> all = p.from(0);
            migrate(db, all, null, false);
            db.execute("INSERT INTO author (email, mentor_id) VALUES ('old@example.com', 1)",
                    "INSERT INTO author (mail, coach_id) VALUES ('new@example.com', 2)",
                    "UPDATE author SET coach_id = 3 WHERE id = 10", "UPDATE author SET email = 'changed@example.com' WHERE id = 11");
            migrate(db, all, null, true);
            assertEquals(0, count(db, "SELECT count(*) FROM author WHERE email IS DISTINCT FROM mail OR mentor_id IS DISTINCT FROM coach_id"));
            assertEquals(3, count(db, "SELECT coach_id FROM author WHERE id = 10"));
            assertEquals("author_email_key,author_mail_key", ShopDatabase.text(db, "SELECT string_agg(conname, ',' ORDER BY conname)"
                    + " FROM pg_constraint WHERE contype = 'u' AND conrelid = 'author'::regclass"), "the old column's stays until the contract");
            assertEquals(1, count(db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"
                    + " AND conrelid = 'author'::regclass AND conkey = ARRAY[(SELECT attnum FROM pg_attribute"
                    + " WHERE attrelid = 'author'::regclass AND attname = 'coach_id')]::int2[]"));
            var duplicate = assertThrows(SQLException.class, () -> db.execute("INSERT INTO author (email) VALUES ('new@example.com')"));
            assertTrue(duplicate.getMessage().contains("author_mail_key") || duplicate.getMessage().contains("author_email_key"),
                    "the old code's insert meets a unique constraint: " + duplicate.getMessage());
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree");
            migrate(db, all, "0001", true);
            assertEquals(0, count(db, "SELECT count(*) FROM pg_proc WHERE proname LIKE 'keel_sync%'"));
            assertEquals(3, count(db, "SELECT mentor_id FROM author WHERE id = 10"), "reversed: the writes of the new code stay");
            assertEquals("author_email_key", ShopDatabase.text(db, "SELECT conname FROM pg_constraint WHERE contype = 'u'"
                    + " AND conrelid = 'author'::regclass"));
        }
    }

    /**
     * Between the deploy and the switch the new column has no constraint yet: the old column's, kept with it and kept
     * equal to it by the trigger, refuse a duplicate or an orphan written by either code (else the switch's unique
     * index build or foreign key validation fails on it), and its indexes serve lookups by either column's value.
     */
    @Test
    void betweenDeployAndSwitchTheOldColumnsConstraintsHoldForBothCodes() throws Exception {
        EntityProject p = EntityProject.in(project);
        p.entities(Map.of("Author", UNIQUE_BEFORE));
        p.make(MakeOptions.defaults());
        try (Db db = Db.fresh()) {
            migrate(db, p.from(0), null, true);
            db.execute("INSERT INTO author (email) SELECT 'a' || g || '@example.com' FROM generate_series(1, " + ROWS + ") g",
                    "UPDATE author SET mentor_id = id - 1 WHERE id > 1");
            p.entities(Map.of("Author", UNIQUE_AFTER));
            p.make(MakeOptions.defaults());
            List<MigrationSpec> all = p.from(0);
            migrate(db, all, null, false);
            ShopDatabase.assertHolds(db, stateOf(deployed(all)));

            // a duplicate, from the old code or the new
            assertRefused(db, "INSERT INTO author (email) VALUES ('a7@example.com')", "author_email_key");
            assertRefused(db, "INSERT INTO author (mail) VALUES ('a8@example.com')", "author_email_key");
            assertRefused(db, "UPDATE author SET mail = 'a9@example.com' WHERE id = 10", "author_email_key");
            // an orphan, from the old code or the new
            assertRefused(db, "INSERT INTO author (email, mentor_id) VALUES ('orphan-old@example.com', 999999)", "fkjanmrbtqqps6dsie494o8ti4");
            assertRefused(db, "INSERT INTO author (mail, coach_id) VALUES ('orphan-new@example.com', 999999)", "fkjanmrbtqqps6dsie494o8ti4");
            assertRefused(db, "UPDATE author SET coach_id = 999999 WHERE id = 11", "fkjanmrbtqqps6dsie494o8ti4");
            db.execute("INSERT INTO author (mail, coach_id) VALUES ('fine@example.com', 2)");

            // the old column's indexes serve lookups of either code during the transition
            String byEmail = plan(db, "SELECT id FROM author WHERE email = 'a4321@example.com'");
            assertTrue(byEmail.contains("author_email_key") || byEmail.contains("idxgrm3merlhi91rac0mu26swyhf"),
                    "a lookup on the old column uses its index:\n" + byEmail);

            // so the switch finds nothing to refuse: the unique index builds and the foreign key validates
            migrate(db, all, null, true);
            assertEquals(1, count(db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"
                    + " AND conname = 'fkgbtj712yv4hxo5gwi0asqe9dr'"));
            assertEquals("mail", indexOn(db, "author_mail_key"));
            ShopDatabase.assertHolds(db, stateOf(all));
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree");

            // the contract drops the old column with its constraints and index; the new column's refuse from then on
            p.make(EntityProject.DELETE_PENDING);
            List<MigrationSpec> withContract = p.from(0);
            migrate(db, withContract, null, true);
            ShopDatabase.assertHolds(db, stateOf(withContract));
            assertEquals(0, count(db, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'author'::regclass"
                    + " AND conname IN ('author_email_key', 'fkjanmrbtqqps6dsie494o8ti4')"));
            assertEquals(null, indexOn(db, "idxgrm3merlhi91rac0mu26swyhf"));
            assertRefused(db, "INSERT INTO author (mail) VALUES ('a8@example.com')", "author_mail_key");
            assertTrue(p.make(EntityProject.DELETE_PENDING).migrations().isEmpty(), "nothing left to do");

            // and back: the contract's reverse recreates the old column with its constraints and index
            migrate(db, withContract, all.get(all.size() - 1).key().name(), true);
            assertEquals("email", indexOn(db, "idxgrm3merlhi91rac0mu26swyhf"));
            assertEquals(2, count(db, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'author'::regclass"
                    + " AND conname IN ('author_email_key', 'fkjanmrbtqqps6dsie494o8ti4')"));
        }
    }

    static final String NULLABLE_AFTER = """
            @Entity
            @Table(indexes = @Index(name = "idx_author_name", columnList = "display_name"))
            public class Author {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @RenamedFrom("name") @Column(length = 100) private String displayName;
                private String bio;
            }
            """;
    static final String COLUMN_ONLY_AFTER = """
            @Entity
            @Table(indexes = @Index(name = "idx_author_name", columnList = "display_name"))
            public class Author {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(name = "display_name", nullable = false, length = 100) private String name;
                private String bio;
            }
            """;

    /**
     * The old column keeps NOT NULL only where no write the new schema accepts can leave it NULL: a field renamed and
     * made nullable at once, or one whose column alone is renamed (the old field leaves the model before the sync is
     * there), has its old column made nullable; its index stays, and the writes of both codes go through.
     */
    @Test
    void theOldColumnDropsNotNullWhereKeepingItCouldRefuseAWriteOfTheNewCode() throws Exception {
        for (String after : List.of(NULLABLE_AFTER, COLUMN_ONLY_AFTER)) {
            Path dir = project.resolve(after == NULLABLE_AFTER ? "nullable" : "column-only");
            java.nio.file.Files.createDirectories(dir);
            EntityProject p = EntityProject.in(dir);
            p.entities(Map.of("Author", BEFORE));
            p.make(MakeOptions.defaults());
            try (Db db = Db.fresh()) {
                migrate(db, p.from(0), null, true);
                db.execute("INSERT INTO author (name, bio) SELECT 'author ' || g, 'bio' FROM generate_series(1, " + ROWS + ") g");
                p.entities(Map.of("Author", after));
                p.make(MakeOptions.defaults());
                List<MigrationSpec> all = p.from(0);
                migrate(db, all, null, false);
                ShopDatabase.assertHolds(db, stateOf(deployed(all)));
                assertEquals("false", ShopDatabase.text(db, "SELECT attnotnull::text FROM pg_attribute"
                        + " WHERE attrelid = 'author'::regclass AND attname = 'name'"), after);
                assertEquals("name", indexOn(db, "idx_author_name_keel_old"), after);
                db.execute("INSERT INTO author (name, bio) VALUES ('old insert', 'o')",
                        "INSERT INTO author (display_name, bio) VALUES ('new insert', 'n')");
                if (after == NULLABLE_AFTER) {
                    db.execute("INSERT INTO author (display_name, bio) VALUES (NULL, 'the new field is nullable')");
                }
                migrate(db, all, null, true);
                assertEquals(0, unequal(db), after);
                ShopDatabase.assertHolds(db, stateOf(all));
                assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree");
                p.make(EntityProject.DELETE_PENDING);
                List<MigrationSpec> withContract = p.from(0);
                migrate(db, withContract, null, true);
                ShopDatabase.assertHolds(db, stateOf(withContract));
                assertEquals("display_name", indexOn(db), after);
            }
        }
    }
}
