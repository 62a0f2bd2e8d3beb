package dev.keel.runner.catalog;

import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.catalog.Catalog.ColumnDef;
import dev.keel.runner.catalog.Catalog.ForeignKeyDef;
import dev.keel.runner.catalog.Catalog.IndexDef;
import dev.keel.runner.catalog.Catalog.SequenceDef;
import dev.keel.runner.catalog.Catalog.TableDef;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a catalog from hand-written DDL, as Hibernate or a user would write it. */
class CatalogReaderTest {
    private static final String DDL = """
            CREATE SCHEMA audit;
            CREATE SEQUENCE post_seq START WITH 1 INCREMENT BY 50;
            CREATE TABLE author (id int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(100) NOT NULL UNIQUE);
            CREATE TABLE post (
                id bigint NOT NULL DEFAULT nextval('post_seq'),
                created timestamptz DEFAULT now(),
                status varchar(10) DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
                author_id bigint REFERENCES author ON DELETE SET NULL,
                price numeric(10, 2) CONSTRAINT post_price_check CHECK (price > 0),
                data jsonb,
                CONSTRAINT post_pk PRIMARY KEY (id),
                CONSTRAINT post_status_created UNIQUE (status, created) DEFERRABLE INITIALLY DEFERRED);
            COMMENT ON TABLE post IS 'posts';
            COMMENT ON COLUMN post.status IS 'draft or final';
            CREATE INDEX post_created_idx ON post (created DESC, status NULLS FIRST) WHERE status <> 'draft';
            CREATE INDEX post_data_idx ON post USING gin (data jsonb_path_ops);
            CREATE TABLE audit."Event" (id bigint);
            CREATE TABLE keel_migrations (app text);
            """;

    @Test
    void readsWhatPostgresHolds() throws SQLException {
        try (Db db = Db.fresh()) {
            db.execute(DDL);
            Catalog c = db.catalog();
            assertEquals(Set.of("audit.Event", "author", "post"), c.tables().keySet());
            assertEquals(List.of("post_seq"), List.copyOf(c.sequences().keySet()), "identity sequences are the column's own");
            assertEquals(new SequenceDef("post_seq", 1, 50), c.sequences().get("post_seq"));

            TableDef author = c.table("author").orElseThrow();
            assertEquals(new ColumnDef("id", "bigint", true, null, Identity.ALWAYS, null), author.columns().get("id"));
            assertEquals(List.of("name"), author.uniques().get("author_name_key").columns());

            TableDef post = c.table("post").orElseThrow();
            assertEquals("posts", post.comment());
            assertEquals(new ColumnDef("status", "varchar(10)", false, "'draft'::character varying", Identity.NONE, "draft or final"),
                    post.columns().get("status"));
            assertEquals("timestamp(6) with time zone", post.columns().get("created").type());
            assertEquals("nextval('post_seq'::regclass)", post.columns().get("id").defaultSql());
            assertEquals("post_pk", post.primaryKey().name());
            assertEquals(new ForeignKeyDef("post_author_id_fkey", List.of("author_id"), "author", List.of("id"), "SET NULL", true),
                    post.foreignKeys().get("post_author_id_fkey"));
            assertTrue(post.uniques().get("post_status_created").initiallyDeferred());
            assertEquals("price > 0::numeric", post.checks().get("post_price_check").expression());
            assertEquals(new IndexDef("post_created_idx", List.of("created DESC", "status NULLS FIRST"), false, "btree",
                    "status::text <> 'draft'::text"), post.indexes().get("post_created_idx"));
            assertEquals(List.of("data jsonb_path_ops"), post.indexes().get("post_data_idx").elements());
            assertEquals(Set.of("post_created_idx", "post_data_idx"), post.indexes().keySet(), "indexes of constraints are left out");
            assertNull(c.table("keel_migrations").orElse(null));
        }
    }

    @Test
    void statesWithRewrittenExpressionsCompareThroughARoundTrip() throws SQLException {
        ProjectState state = StateTransitions.apply(createModel("post", table("post")
                .field("id", column("id", "bigint")).primaryKey("id")
                .field("status", column("status", "varchar(10)"))
                .constraint(check("post_status_check", "status IN ('draft', 'final')"))),
                "blog", ProjectState.EMPTY);
        try (Db db = Db.fresh(); Db scratch = Db.fresh()) {
            db.execute("CREATE TABLE post (id bigint PRIMARY KEY, status varchar(10) NOT NULL"
                    + " CONSTRAINT post_status_check CHECK (status in ('draft','final')))");
            Catalog live = db.catalog();
            assertEquals(List.of("table post: check post_status_check: expression status IN ('draft', 'final') vs "
                    + live.table("post").orElseThrow().checks().get("post_status_check").expression()),
                    CatalogDiff.compare(Catalog.fromState(state), live));
            assertEquals(List.of(), CatalogDiff.compare(Catalog.roundTrip(state, scratch.connection), live));
        }
    }

    @Test
    void generatedColumnsAreReadAsGeneratedNotAsDefaultsAndCompared() throws SQLException {
        ProjectState state = StateTransitions.apply(createModel("line", table("line")
                .field("id", column("id", "bigint")).primaryKey("id")
                .field("quantity", column("quantity", "integer"))
                .field("price", column("price", "numeric(10,2)"))
                .field("total", column("total", "numeric(12,2)").nullable().generated("quantity * price"))),
                "shop", ProjectState.EMPTY);
        try (Db db = Db.fresh(); Db scratch = Db.fresh()) {
            db.execute("CREATE TABLE line (id bigint PRIMARY KEY, quantity integer NOT NULL, price numeric(10,2) NOT NULL,"
                    + " total numeric(12,2) GENERATED ALWAYS AS (quantity * price) STORED)");
            ColumnDef total = db.catalog().table("line").orElseThrow().columns().get("total");
            assertNull(total.defaultSql(), "a generation expression is not a default");
            assertEquals("(quantity::numeric * price)", total.generated());
            Catalog expected = Catalog.roundTrip(state, scratch.connection);
            assertEquals(List.of(), CatalogDiff.compare(expected, db.catalog()));

            // the same column with another expression, and an ordinary column where the state has a generated one
            db.execute("ALTER TABLE line DROP COLUMN total, ADD COLUMN total numeric(12,2) GENERATED ALWAYS AS (quantity * price * 2) STORED");
            List<String> drift = CatalogDiff.compare(expected, db.catalog());
            assertEquals(1, drift.size(), drift.toString());
            assertTrue(drift.get(0).contains("generated as"), drift.toString());
            db.execute("ALTER TABLE line ALTER COLUMN total DROP EXPRESSION");
            drift = CatalogDiff.compare(expected, db.catalog());
            assertEquals(1, drift.size(), drift.toString());
            assertTrue(drift.get(0).contains("generated as"), drift.toString());
        }
    }

    @Test
    void otherDefaultSchemaAndExclusions() throws SQLException {
        try (Db db = Db.fresh()) {
            db.execute(DDL);
            Catalog c = Catalog.read(db.connection, "audit", Set.of("public.author"));
            assertEquals(Set.of("Event", "public.keel_migrations", "public.post"), c.tables().keySet());
            assertEquals("public.author", c.table("public.post").orElseThrow().foreignKeys().get("post_author_id_fkey").targetTable());
            assertFalse(c.sequences().containsKey("post_seq"));
        }
    }
}
