package dev.keel.safety;

import dev.keel.make.MakeOptions;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.AddColumnSync;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return ShopDatabase.text(db, "SELECT string_agg(a.attname, ',') FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE c.relname = 'idx_author_name' AND i.indisvalid");
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
            assertEquals(0, count(db, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'author'::regclass AND NOT tgisinternal"));
            assertEquals(0, count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'author' AND column_name = 'name'"));
            db.execute("INSERT INTO author (display_name, bio) VALUES ('after the contract', 'n')");

            // each step reversed
            String last = all.get(all.size() - 1).key().name();
            migrate(db, withContract, last, true);
            assertEquals(1, count(db, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'author'::regclass AND NOT tgisinternal"),
                    "the contract undone: the trigger is back");
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
            assertEquals("author_mail_key", ShopDatabase.text(db, "SELECT conname FROM pg_constraint WHERE contype = 'u'"
                    + " AND conrelid = 'author'::regclass"));
            assertEquals(1, count(db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"
                    + " AND conrelid = 'author'::regclass AND conkey = ARRAY[(SELECT attnum FROM pg_attribute"
                    + " WHERE attrelid = 'author'::regclass AND attname = 'coach_id')]::int2[]"));
            var duplicate = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> db.execute("INSERT INTO author (email) VALUES ('new@example.com')"));
            assertTrue(duplicate.getMessage().contains("author_mail_key"), "the old code's insert meets the new unique constraint: "
                    + duplicate.getMessage());
            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "the entities and the migrations agree");
            migrate(db, all, "0001", true);
            assertEquals(0, count(db, "SELECT count(*) FROM pg_proc WHERE proname LIKE 'keel_sync%'"));
            assertEquals(3, count(db, "SELECT mentor_id FROM author WHERE id = 10"), "reversed: the writes of the new code stay");
            assertEquals("author_email_key", ShopDatabase.text(db, "SELECT conname FROM pg_constraint WHERE contype = 'u'"
                    + " AND conrelid = 'author'::regclass"));
        }
    }
}
