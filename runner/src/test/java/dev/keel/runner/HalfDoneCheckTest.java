package dev.keel.runner;

import dev.keel.error.KeelException;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.catalog.CatalogProblems.Kind;
import dev.keel.runner.catalog.CatalogProblems.Problem;
import dev.keel.runner.support.Db;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel check-db} ({@link DriftCheck}) on a real PostgreSQL sees what a failed concurrent build or
 * a constraint re-added by hand leaves half-done: an invalid index the migrations declare, an invalid
 * index no migration declares, one a pending migration failed to build, a build running right now in
 * another session, and foreign keys and checks left NOT VALID where the migrations validated them; a
 * constraint the migrations themselves leave NOT VALID is no problem. The SQL each problem gives as its
 * fix, run as it is, makes the database clean again.
 */
class HalfDoneCheckTest {
    static final MigrationSpec INITIAL = Specs.spec("blog.0001_initial").ops(
            createModel("author", table("author").entity("Author")
                    .field("id", column("id", "bigint"))
                    .primaryKey("id")),
            createModel("post", table("post").entity("Post")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("author", column("author_id", "bigint").nullable())
                    .field("slug", column("slug", "varchar(200)").nullable())
                    .field("title", column("title", "text").nullable())
                    .primaryKey("id")));
    /** Validated constraints, and an index built concurrently. */
    static final MigrationSpec CONSTRAINTS = Specs.spec("blog.0002_constraints").after("blog.0001_initial").nonAtomic().ops(
            addConstraint("post", foreignKey("post_author_fk", "author_id").references("author", "id").notValid()),
            validateConstraint("post", "post_author_fk"),
            addConstraint("post", check("post_slug_check", "slug <> ''").notValid()),
            validateConstraint("post", "post_slug_check"),
            addIndex("post", index("post_slug_uidx", "slug").unique(), true));
    /** A check the deploy-time run leaves NOT VALID: its validation comes after deployment. */
    static final MigrationSpec TITLE_CHECK = Specs.spec("blog.0003_title_check").after("blog.0002_constraints").ops(
            addConstraint("post", check("post_title_check", "title <> ''").notValid()));
    static final MigrationSpec TITLE_CHECK_VALIDATED = Specs.spec("blog.0004_validate_title_check")
            .after("blog.0003_title_check").postDeployment().ops(validateConstraint("post", "post_title_check"));

    static final MigrationSet BLOG = Specs.set(INITIAL, CONSTRAINTS, TITLE_CHECK, TITLE_CHECK_VALIDATED);

    private static Problem only(List<Problem> problems, String name) {
        var found = problems.stream().filter(p -> p.name().equals(name)).toList();
        assertEquals(1, found.size(), problems.toString());
        return found.get(0);
    }

    @Test
    void failedBuildsAndConstraintsReAddedNotValidAreListedWithTheirFix() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, BLOG, Specs.FAST, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
            DriftCheck.Report clean = DriftCheck.check(m);
            assertEquals(List.of(), clean.differences());
            assertEquals(List.of(), clean.problems(), "post_title_check is NOT VALID as the applied migrations leave it");
            assertTrue(clean.clean());

            db.execute("INSERT INTO author (id) VALUES (1), (2)",
                    "INSERT INTO post (author_id, slug, title) VALUES (1, 'a', 'x'), (2, 'b', 'y')",
                    // the declared unique index, rebuilt by hand over duplicate rows: the build fails
                    "DROP INDEX post_slug_uidx",
                    "INSERT INTO post (author_id, slug, title) VALUES (1, 'a', 'z')");
            assertThrows(SQLException.class, () -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY post_slug_uidx ON post (slug)"));
            // an index no migration declares, whose build fails on the rows (division by zero)
            assertThrows(SQLException.class, () -> db.execute("CREATE INDEX CONCURRENTLY post_ratio_idx ON post ((100 / (id - 2)))"));
            // the constraints the migrations validated, re-added by hand NOT VALID
            db.execute("ALTER TABLE post DROP CONSTRAINT post_author_fk",
                    "ALTER TABLE post ADD CONSTRAINT post_author_fk FOREIGN KEY (author_id) REFERENCES author (id) NOT VALID",
                    "ALTER TABLE post DROP CONSTRAINT post_slug_check",
                    "ALTER TABLE post ADD CONSTRAINT post_slug_check CHECK (slug <> '') NOT VALID");

            DriftCheck.Report r = DriftCheck.check(m);
            assertFalse(r.clean());
            assertEquals(List.of(), r.differences(), "each half-done object is listed once, as a problem");
            assertEquals(4, r.problems().size(), r.problems().toString());

            Problem declared = only(r.problems(), "post_slug_uidx");
            assertEquals(Kind.INVALID_INDEX, declared.kind());
            assertTrue(declared.declared());
            assertEquals("post", declared.table());
            assertEquals(List.of("REINDEX INDEX CONCURRENTLY post_slug_uidx;"), declared.fix());
            assertTrue(declared.line().startsWith("table post: index post_slug_uidx invalid: a concurrent build"), declared.line());
            assertTrue(declared.meaning().contains("no query uses it"), declared.meaning());
            assertTrue(declared.meaning().contains("duplicate rows"), declared.meaning());

            Problem leftover = only(r.problems(), "post_ratio_idx");
            assertEquals(Kind.INVALID_INDEX, leftover.kind());
            assertFalse(leftover.declared());
            assertTrue(leftover.meaning().contains("No migration declares it"), leftover.meaning());
            assertEquals(List.of("DROP INDEX CONCURRENTLY IF EXISTS post_ratio_idx;"), leftover.fix());

            Problem fk = only(r.problems(), "post_author_fk");
            assertEquals(Kind.NOT_VALIDATED, fk.kind());
            assertEquals("foreign key", fk.what());
            assertEquals(List.of("ALTER TABLE post VALIDATE CONSTRAINT post_author_fk;"), fk.fix());
            Problem check = only(r.problems(), "post_slug_check");
            assertEquals(Kind.NOT_VALIDATED, check.kind());
            assertEquals("check", check.what());
            assertEquals(List.of("ALTER TABLE post VALIDATE CONSTRAINT post_slug_check;"), check.fix());

            // the fixes, as given, after removing the duplicate row the unique build failed on
            db.execute("DELETE FROM post WHERE title = 'z'");
            for (Problem p : r.problems()) {
                db.execute(p.fix().stream().filter(s -> s.endsWith(";")).toList());
            }
            DriftCheck.Report fixed = DriftCheck.check(m);
            assertEquals(List.of(), fixed.differences());
            assertEquals(List.of(), fixed.problems());
            assertEquals(0, db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
        }
    }

    static final MigrationSpec SALES = Specs.spec("sales.0001_initial").ops(
            createModel("customer", table("customer").schema("sales").entity("Customer")
                    .field("id", column("id", "bigint"))
                    .primaryKey("id")),
            createModel("order_line", table("order_line").schema("sales").entity("OrderLine")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("customer", column("customer_id", "bigint"))
                    .field("code", column("code", "varchar(20)"))
                    .primaryKey("id")
                    .constraint(foreignKey("order_line_customer_fk", "customer_id").references("sales.customer", "id"))));
    /** A unique index over codes, which are duplicated: the build fails. */
    static final MigrationSpec UNIQUE_CODE = Specs.spec("sales.0002_unique_code").after("sales.0001_initial").nonAtomic().ops(
            addIndex("order_line", index("order_line_code_uidx", "code").unique(), true));

    @Test
    void inAnotherSchemaAPendingMigrationsFailedBuildAndANotValidForeignKey() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = Specs.migrator(db, Specs.set(SALES), Specs.FAST, MigrateListener.silent())) {
                m.migrate(MigrateRequest.all());
            }
            db.execute("INSERT INTO sales.customer (id) VALUES (1)",
                    "INSERT INTO sales.order_line (customer_id, code) VALUES (1, 'A'), (1, 'A')",
                    "ALTER TABLE sales.order_line DROP CONSTRAINT order_line_customer_fk",
                    "ALTER TABLE sales.order_line ADD CONSTRAINT order_line_customer_fk FOREIGN KEY (customer_id)"
                            + " REFERENCES sales.customer (id) NOT VALID");
            MigrationSet both = Specs.set(SALES, UNIQUE_CODE);
            try (Migrator m = Specs.migrator(db, both, Specs.FAST, MigrateListener.silent())) {
                // the build as keel runs it, failed on the duplicates; keel killed then, the invalid index stays
                assertThrows(java.sql.SQLException.class, () -> db.execute(
                        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS order_line_code_uidx ON sales.order_line (code)"));
                DriftCheck.Report r = DriftCheck.check(m);
                assertTrue(r.exact(), "built in scratch schemas, other schemas too");
                assertEquals(List.of(), r.differences());
                assertEquals(2, r.problems().size(), r.problems().toString());

                Problem pending = only(r.problems(), "order_line_code_uidx");
                assertEquals("sales.order_line", pending.table());
                assertEquals(Kind.INVALID_INDEX, pending.kind());
                assertFalse(pending.declared());
                assertTrue(pending.meaning().contains("A migration not applied yet declares it"), pending.meaning());
                assertEquals(List.of("DROP INDEX CONCURRENTLY IF EXISTS sales.order_line_code_uidx;", "keel migrate"), pending.fix());

                Problem fk = only(r.problems(), "order_line_customer_fk");
                assertEquals(Kind.NOT_VALIDATED, fk.kind());
                assertEquals(List.of("ALTER TABLE sales.order_line VALIDATE CONSTRAINT order_line_customer_fk;"), fk.fix());

                db.execute("DELETE FROM sales.order_line WHERE id = (SELECT max(id) FROM sales.order_line)");
                db.execute(pending.fix().get(0), fk.fix().get(0));
                m.migrate(MigrateRequest.all());
                DriftCheck.Report fixed = DriftCheck.check(m);
                assertEquals(List.of(), fixed.differences());
                assertEquals(List.of(), fixed.problems());
            }
        }
    }

    @Test
    void aBuildRunningInAnotherSessionIsSaidAsSuch() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, BLOG, Specs.FAST, MigrateListener.silent());
             Connection writer = db.database.connect(); Connection builder = db.database.connect()) {
            m.migrate(MigrateRequest.all());
            // an open writing transaction: a concurrent build waits for it once its index is in the catalog
            writer.setAutoCommit(false);
            try (var st = writer.createStatement()) {
                st.execute("INSERT INTO post (title) VALUES ('w')");
            }
            int builderPid;
            try (var st = builder.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                builderPid = rs.getInt(1);
            }
            CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
                try (var st = builder.createStatement()) {
                    st.execute("CREATE INDEX CONCURRENTLY post_title_idx ON post (title)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (db.count("SELECT count(*) FROM pg_stat_progress_create_index WHERE index_relid = to_regclass('post_title_idx')") == 0) {
                assertTrue(System.nanoTime() < deadline, "the build never showed in pg_stat_progress_create_index");
                Thread.sleep(20);
            }
            DriftCheck.Report r = DriftCheck.check(m);
            Problem running = only(r.problems(), "post_title_idx");
            assertEquals(Kind.INDEX_BEING_BUILT, running.kind());
            assertTrue(running.meaning().contains("CREATE INDEX CONCURRENTLY runs on it right now in session " + builderPid),
                    running.meaning());
            assertEquals(List.of(), r.differences());

            writer.commit();
            build.get(20, TimeUnit.SECONDS);
            DriftCheck.Report after = DriftCheck.check(m);
            assertEquals(List.of(), after.problems());
            assertEquals(List.of("table post: index post_title_idx unexpected"), after.differences());
            assertNull(db.catalog().table("post").orElseThrow().indexes().get("post_title_idx").build());
        }
    }

    @Test
    void aReindexCancelledPartWayLeavesAnIndexNoMigrationDeclares() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, BLOG, Specs.FAST, MigrateListener.silent());
             Connection writer = db.database.connect()) {
            m.migrate(MigrateRequest.all());
            writer.setAutoCommit(false);
            try (var st = writer.createStatement()) {
                st.execute("INSERT INTO post (title) VALUES ('w')");
            }
            // the reindex waits for the writer once its new index is in the catalog, and times out there
            assertThrows(SQLException.class, () -> db.execute("SET statement_timeout = '500ms'",
                    "REINDEX INDEX CONCURRENTLY post_slug_uidx"));
            db.execute("RESET statement_timeout");
            writer.commit();

            DriftCheck.Report r = DriftCheck.check(m);
            assertEquals(List.of(), r.differences());
            Problem left = only(r.problems(), "post_slug_uidx_ccnew");
            assertEquals(Kind.INVALID_INDEX, left.kind());
            assertFalse(left.declared());
            assertTrue(left.meaning().startsWith("left by a REINDEX CONCURRENTLY of index post_slug_uidx that failed"),
                    left.meaning());
            assertEquals(List.of("DROP INDEX CONCURRENTLY IF EXISTS post_slug_uidx_ccnew;"), left.fix());
            db.execute(left.fix());
            assertTrue(DriftCheck.check(m).clean());
        }
    }
}
