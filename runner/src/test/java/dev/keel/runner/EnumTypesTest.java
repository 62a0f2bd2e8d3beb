package dev.keel.runner;

import dev.keel.migration.MigrationSpec;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL enum types on a real server: created with their casts before the columns of them, values added in place
 * (in a transaction, as keel's migrations run), renamed and taken out (the rebuild), dropped after their columns;
 * every step undone by {@code migrate} to an earlier migration; {@code check-db} compares the live types and the order
 * of their values with the state.
 */
class EnumTypesTest {
    static final MigrationSpec CREATE = Specs.spec("desk.0001_initial").ops(
            createEnumType(enumType("priority", "HIGH", "LOW", "NORMAL")),
            createModel("ticket", table("ticket").entity("Ticket")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("priority", column("priority", "priority").nullable())
                    .field("history", column("history", "priority[]").nullable())
                    .primaryKey("id")));
    static final MigrationSpec ADD = Specs.spec("desk.0002_values").after("desk.0001_initial").ops(
            addEnumValue("priority", "CRITICAL", "HIGH", null),
            addEnumValue("priority", "MEDIUM", null, "LOW"),
            addEnumValue("priority", "URGENT"));
    /** A later migration may use the new value (a default): the one that added it has committed. */
    static final MigrationSpec USE = Specs.spec("desk.0003_default").after("desk.0002_values").ops(
            addField("ticket", "triaged", column("triaged", "priority").nullable().defaultSql("'MEDIUM'")));
    static final MigrationSpec RENAME = Specs.spec("desk.0004_rename").after("desk.0003_default").ops(
            renameEnumValue("priority", "URGENT", "BLOCKER"));
    static final MigrationSpec REMOVE = Specs.spec("desk.0005_remove").after("desk.0004_rename").ops(
            removeEnumValue("priority", "LOW"));
    static final MigrationSpec DROP = Specs.spec("desk.0006_drop").after("desk.0005_remove").ops(
            removeField("ticket", "priority"), removeField("ticket", "history"), removeField("ticket", "triaged"),
            dropEnumType("priority"));

    private static MigrationSet all() {
        return Specs.set(CREATE, ADD, USE, RENAME, REMOVE, DROP);
    }

    private static List<String> values(Db db) throws Exception {
        var values = db.catalog().enumTypes().get("priority");
        return values == null ? List.of() : values;
    }

    @Test
    void everyStepAppliesAndIsUndoneOnPostgres() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, all(), Specs.FAST, MigrateListener.silent())) {
            m.migrate(new MigrateRequest("desk", "0003", false, false));
            assertEquals(List.of("CRITICAL", "HIGH", "LOW", "MEDIUM", "NORMAL", "URGENT"), values(db));
            assertEquals(2, db.count("SELECT count(*) FROM pg_cast WHERE castsource = 'priority'::regtype"
                    + " OR casttarget = 'priority'::regtype"), "the implicit casts from and to varchar, as Hibernate creates them");
            db.execute("INSERT INTO ticket (priority, history) VALUES ('LOW', ARRAY['LOW','HIGH']::priority[])");
            db.execute("INSERT INTO ticket (priority) VALUES ('URGENT'::varchar)");
            assertEquals("MEDIUM", db.string("SELECT triaged::text FROM ticket WHERE priority = 'LOW'"));
            assertTrue(DriftCheck.check(m).exact(), DriftCheck.check(m).differences().toString());

            m.migrate(new MigrateRequest("desk", "0004", false, false));
            assertEquals("BLOCKER", db.string("SELECT priority::text FROM ticket WHERE id = 2"));
            // the rebuild fails while a row holds the value, and leaves everything as it was
            assertThrows(dev.keel.error.KeelException.class, () -> m.migrate(new MigrateRequest("desk", "0005", false, false)));
            assertEquals(List.of("CRITICAL", "HIGH", "LOW", "MEDIUM", "NORMAL", "BLOCKER"), values(db));
            db.execute("UPDATE ticket SET priority = 'NORMAL', history = ARRAY['HIGH']::priority[] WHERE priority = 'LOW'");
            m.migrate(new MigrateRequest("desk", "0005", false, false));
            assertEquals(List.of("CRITICAL", "HIGH", "MEDIUM", "NORMAL", "BLOCKER"), values(db));
            assertEquals("MEDIUM", db.string("SELECT column_default FROM information_schema.columns WHERE table_name = 'ticket'"
                    + " AND column_name = 'triaged'").replaceAll("'(\\w+)'.*", "$1"));
            assertEquals("{HIGH}", db.string("SELECT history::text FROM ticket WHERE priority = 'NORMAL'"));
            assertTrue(DriftCheck.check(m).exact(), DriftCheck.check(m).differences().toString());

            m.migrate(MigrateRequest.all());
            assertEquals(List.of(), values(db));
            assertEquals(0, db.count("SELECT count(*) FROM pg_type WHERE typname LIKE 'priority%'"));
            assertTrue(DriftCheck.check(m).exact(), DriftCheck.check(m).differences().toString());

            // backwards: the type again, then its values back in place, the rename undone, the added values gone
            m.migrate(new MigrateRequest("desk", "0004", false, false));
            assertEquals(List.of("CRITICAL", "HIGH", "LOW", "MEDIUM", "NORMAL", "BLOCKER"), values(db));
            m.migrate(new MigrateRequest("desk", "0001", false, false));
            assertEquals(List.of("HIGH", "LOW", "NORMAL"), values(db));
            assertTrue(DriftCheck.check(m).exact(), DriftCheck.check(m).differences().toString());
            m.migrate(new MigrateRequest("desk", "zero", false, false));
            assertEquals(0, db.count("SELECT count(*) FROM pg_type WHERE typname LIKE 'priority%'"));
            assertEquals(0, db.count("SELECT count(*) FROM pg_cast c JOIN pg_type t ON t.oid IN (c.castsource, c.casttarget)"
                    + " WHERE t.typname LIKE 'priority%'"));
        }
    }

    @Test
    void aTypeMadeByHandThatAColumnNamesIsNoDrift() throws Exception {
        MigrationSpec initial = Specs.spec("desk.0001_initial").ops(
                runSql("CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')", "DROP TYPE mood"),
                createModel("note", table("note").entity("Note")
                        .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                        .field("mood", column("mood", "mood").nullable())
                        .primaryKey("id")));
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(initial), Specs.FAST, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
            assertEquals(List.of(), DriftCheck.check(m).differences());
            db.execute("CREATE TYPE stray AS ENUM ('A')");
            assertEquals(List.of("enum type stray unexpected"), DriftCheck.check(m).differences());
        }
    }

    @Test
    void checkDbListsEnumTypesAndValuesThatDrifted() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(CREATE, ADD), Specs.FAST, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
            assertTrue(DriftCheck.check(m).exact());
            db.execute("ALTER TYPE priority ADD VALUE 'TRIVIAL'", "CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')");
            assertEquals(List.of("enum type mood unexpected",
                            "enum type priority: values [CRITICAL, HIGH, LOW, MEDIUM, NORMAL, URGENT] vs"
                                    + " [CRITICAL, HIGH, LOW, MEDIUM, NORMAL, URGENT, TRIVIAL]"),
                    DriftCheck.check(m).differences());
            db.execute("DROP TABLE ticket", "DROP TYPE priority CASCADE");
            assertTrue(DriftCheck.check(m).differences().contains("enum type priority missing"),
                    DriftCheck.check(m).differences().toString());
        }
    }
}
