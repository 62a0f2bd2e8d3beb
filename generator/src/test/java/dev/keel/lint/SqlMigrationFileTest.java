package dev.keel.lint;

import dev.keel.error.KeelException;
import dev.keel.load.SourceMigrationReader;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain SQL migration files (Flyway's, Liquibase's formatted SQL) linted without a project: the same rules as the
 * SQL of a {@code RunSql}, each finding on its statement's own line.
 */
class SqlMigrationFileTest {
    @TempDir Path dir;

    /**
     * Corpus cases written only in SQL whose finding needs more than the SQL text, each with why: a plain SQL file
     * has no Java imports and no schema state before it, and Flyway runs a file of statements PostgreSQL refuses in
     * a transaction outside one.
     */
    static final java.util.Map<String, String> NEEDS_MORE_THAN_SQL = java.util.Map.of(
            "M0002_detach_concurrently_atomic.java", "only non-transactional statements: Flyway runs it outside a transaction",
            "M0002_index_concurrently_atomic_sql.java", "only non-transactional statements: Flyway runs it outside a transaction",
            "M0002_uses_app_constant.java", "imports-app-code reads Java imports",
            "M0002_uses_entity.java", "imports-app-code reads Java imports",
            "M0002_update_where_email_not_null.java", "needs the state: email is NOT NULL, so the WHERE limits nothing",
            "M0002_update_where_id_positive.java", "needs the state: id is the generated key, so id > 0 limits nothing",
            "M0002_index_total_sql.java", "needs the state: ON ONLY builds the index at once only on a table that is not"
                    + " partitioned, as keel's tables are; a table only SQL knows is taken for a partitioned parent");

    /** The corpus's unsafe migrations written only in SQL, whose rules read the SQL alone. */
    static List<Path> sqlOnlyUnsafe() throws IOException {
        return LintCorpusTest.unsafe().stream()
                .filter(f -> !NEEDS_MORE_THAN_SQL.containsKey(f.getFileName().toString()) && sqlOnly(read(f))).toList();
    }

    private static MigrationSpec read(Path file) {
        return new SourceMigrationReader().read(file, "shop");
    }

    private static boolean sqlOnly(MigrationSpec spec) {
        return !spec.operations().isEmpty() && spec.operations().stream().allMatch(o -> o instanceof RunSql)
                && !spec.postDeployment();
    }

    /**
     * Each unsafe SQL migration of the corpus, written as a Flyway file (non-atomic ones with the script
     * configuration that says so), draws the same rules as the Java migration, and each finding points at a line
     * where a statement starts.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sqlOnlyUnsafe")
    void theCorpusAsFlywayFilesDrawsTheSameRules(Path javaFile) throws IOException {
        MigrationSpec spec = read(javaFile);
        Set<String> expected = LintCorpusTest.expected(javaFile);
        var sql = new StringBuilder("-- " + javaFile.getFileName() + "\n");
        for (Operation op : spec.operations()) {
            sql.append(((RunSql) op).sql().strip());
            sql.append(sql.charAt(sql.length() - 1) == ';' ? "\n\n" : ";\n\n");
        }
        Path file = dir.resolve("V2__" + javaFile.getFileName().toString().replace(".java", ".sql"));
        Files.writeString(file, sql);
        if (!spec.atomic()) {
            Files.writeString(file.resolveSibling(file.getFileName() + ".conf"), "executeInTransaction=false\n");
        }
        LintReport report = new Linter().lint(null, dir, List.of(file));
        Set<String> found = report.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, found, sql + "\n" + report.findings().stream().map(Finding::render).toList());
        List<String> lines = Files.readAllLines(file);
        for (Finding f : report.findings()) {
            assertTrue(f.line() >= 2 && f.line() <= lines.size(), f.render());
            assertFalse(lines.get(f.line() - 1).isBlank() || lines.get(f.line() - 1).startsWith("--"),
                    "the finding points at a statement: " + f.render());
        }
    }

    @Test
    void theCorpusHasEnoughSqlOnlyCases() throws IOException {
        assertTrue(sqlOnlyUnsafe().size() >= 30, "SQL-only unsafe cases: " + sqlOnlyUnsafe().size());
    }

    @Test
    void findingsPointAtTheStatementsOwnLine() throws IOException {
        Path file = write("V3__orders.sql", """
                -- a comment first

                ALTER TABLE orders ADD COLUMN note text;
                CREATE INDEX orders_note
                    ON orders (note);
                /* a block
                   comment */ DROP TABLE legacy;
                """);
        LintReport report = new Linter().lint(null, dir, List.of(file));
        assertEquals(List.of("4 index-without-concurrently", "7 drop-table"), summary(report));
    }

    @Test
    void aFileOfConcurrentBuildsRunsOutsideATransactionAndAMixedOneInside() throws IOException {
        Path alone = write("V4__index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_a ON orders (a);\n"
                + "DROP INDEX CONCURRENTLY IF EXISTS orders_b;\n");
        Path mixed = write("V5__index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_a ON orders (a);\n"
                + "ALTER TABLE orders ADD COLUMN b int;\n");
        assertEquals(List.of(), summary(new Linter().lint(null, dir, List.of(alone))));
        assertEquals(List.of("1 concurrently-in-atomic-migration"), summary(new Linter().lint(null, dir, List.of(mixed))));
        Files.writeString(dir.resolve("V5__index.sql.conf"), "# Flyway's script configuration\nexecuteInTransaction=false\n");
        assertEquals(List.of(), summary(new Linter().lint(null, dir, List.of(mixed))));
    }

    @Test
    void eachLiquibaseChangesetIsAMigrationOfItsOwn() throws IOException {
        Path file = write("changelog.sql", """
                --liquibase formatted sql

                --changeset alice:1
                ALTER TABLE orders ADD COLUMN note text;
                UPDATE orders SET note = 'x' WHERE id < 10;

                --changeset alice:2 runInTransaction:false
                CREATE INDEX CONCURRENTLY orders_note ON orders (note);
                --changeset bob:3
                ALTER TABLE orders ADD COLUMN owner bigint;
                CREATE INDEX CONCURRENTLY orders_owner ON orders (owner);
                """);
        LintReport report = new Linter().lint(null, dir, List.of(file));
        assertEquals(3, report.migrations());
        assertEquals(List.of("5 mixed-schema-and-data", "11 concurrently-in-atomic-migration"), summary(report));
    }

    @Test
    void anAllowIsAnSqlCommentAboveTheStatement() throws IOException {
        Path file = write("V6__drop.sql", """
                -- keel:allow drop-table: nothing has read legacy since release 12
                DROP TABLE legacy;
                -- keel:allow drop-column
                ALTER TABLE orders DROP COLUMN old_note;
                """);
        LintReport report = new Linter().lint(null, dir, List.of(file));
        assertEquals(List.of("3 allow-without-reason", "4 drop-column"), summary(report));
        assertEquals(1, report.allowed().size());
        assertEquals("nothing has read legacy since release 12", report.allowed().get(0).reason());
        assertTrue(report.findings().get(1).render().contains("-- keel:allow drop-column: <reason>"),
                report.findings().get(1).render());
    }

    @Test
    void aFolderGivesItsSqlFilesAndJavaFilesNeedAProject() throws IOException {
        write("V1__a.sql", "DROP TABLE a;\n");
        write("sub/V2__b.sql", "DROP TABLE b;\n");
        LintReport report = new Linter().lint(null, dir, List.of(dir));
        assertEquals(2, report.migrations());
        assertEquals(2, report.findings().size());
        Path java = write("M0002_x.java", "package p; class M0002_x {}\n");
        KeelException e = assertThrows(KeelException.class, () -> new Linter().lint(null, dir, List.of(java)));
        assertTrue(e.getMessage().contains("no keel.json"), e.getMessage());
    }

    @Test
    void laterFilesKnowTheColumnTypesEarlierFilesDeclaredInFlywaysOrder() throws IOException {
        write("V2__items.sql", """
                CREATE TABLE shop.items (
                    id bigint PRIMARY KEY,
                    "Code" character varying(20) NOT NULL DEFAULT '',
                    price numeric(10, 2) CHECK (price >= 0),
                    label varchar(40)
                );
                ALTER TABLE shop.items ADD COLUMN note varchar(30);
                """);
        // V10 runs after V2 (the file names sort the other way): its widenings are in place
        write("V10__widen.sql", """
                ALTER TABLE shop.items ALTER COLUMN "Code" TYPE varchar(50), ALTER COLUMN price TYPE numeric(12,2);
                ALTER TABLE shop.items ALTER COLUMN note TYPE varchar(60);
                ALTER TABLE shop.items ALTER COLUMN label SET DATA TYPE text;
                """);
        write("V11__narrow.sql", """
                ALTER TABLE shop.items ALTER COLUMN note TYPE varchar(40);
                ALTER TABLE shop.items ALTER COLUMN note TYPE varchar(50);
                ALTER TABLE shop.items ALTER COLUMN price TYPE numeric(12,3);
                """);
        LintReport report = new Linter().lint(null, dir, List.of(dir));
        assertEquals(List.of("V11__narrow.sql 1 column-type-change", "V11__narrow.sql 3 column-type-change"),
                report.findings().stream().map(f -> f.file() + " " + f.line() + " " + f.rule()).toList());
        assertTrue(report.findings().get(0).message().contains("from varchar(60) to varchar(40)"), report.findings().get(0).message());
    }

    @Test
    void aNotNullCheckValidatedInAnEarlierFileLetsSetNotNullThrough() throws IOException {
        write("V1__check.sql", "ALTER TABLE orders ADD CONSTRAINT orders_code_nn CHECK (code IS NOT NULL) NOT VALID;\n");
        Path setNotNull = write("V3__not_null.sql", "ALTER TABLE orders ALTER COLUMN code SET NOT NULL;\n"
                + "ALTER TABLE orders DROP CONSTRAINT orders_code_nn;\n");
        assertEquals(List.of("1 set-not-null"), summary(new Linter().lint(null, dir, List.of(dir))),
                "the check is not validated yet");
        write("V2__validate.sql", "ALTER TABLE orders VALIDATE CONSTRAINT orders_code_nn;\n");
        assertEquals(List.of(), summary(new Linter().lint(null, dir, List.of(dir))));
        assertEquals(List.of("1 set-not-null"), summary(new Linter().lint(null, dir, List.of(setNotNull))),
                "alone, the file's earlier files are not read");
    }

    @Test
    void theFixOfAnSqlFileIsWrittenInSqlAndTheToolsTerms() throws IOException {
        Path file = write("V7__index.sql", """
                CREATE INDEX orders_note ON orders (note);
                ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);
                ALTER TABLE orders DROP COLUMN legacy;
                """);
        LintReport report = new Linter().lint(null, dir, List.of(file));
        assertEquals(3, report.findings().size());
        for (Finding f : report.findings()) {
            assertFalse(f.fix().matches("(?s).*(?:addIndex|addConstraint|safeRemoveField|atomic\\(false\\)|makemigrations).*"),
                    "no keel operation in an SQL file's fix: " + f.render());
        }
        assertTrue(report.findings().get(0).fix().contains("CREATE INDEX CONCURRENTLY")
                && report.findings().get(0).fix().contains("executeInTransaction=false"), report.findings().get(0).render());
        assertTrue(report.findings().get(1).fix().contains("UNIQUE USING INDEX"), report.findings().get(1).render());
    }

    @Test
    void theNewRulesPointAtTheirStatementAndTakeAnAllow() throws IOException {
        Path file = write("V8__triggers.sql", """
                ALTER TYPE order_state ADD VALUE 'shipped';
                -- keel:allow disable-trigger: orders is empty until the shop opens
                ALTER TABLE orders DISABLE TRIGGER orders_audit;
                ALTER TABLE orders ENABLE TRIGGER orders_audit;
                ALTER TABLE orders
                    DISABLE TRIGGER USER;
                UPDATE orders SET state = 'shipped' WHERE id = 7;
                ALTER TABLE orders ALTER COLUMN total_cents SET EXPRESSION AS (total * 100);
                """);
        LintReport report = new Linter().lint(null, dir, List.of(file));
        assertEquals(List.of("5 disable-trigger", "7 mixed-schema-and-data", "7 new-enum-value-used", "8 table-rewrite"),
                summary(report));
        assertEquals(1, report.allowed().size());
        assertEquals("disable-trigger", report.allowed().get(0).finding().rule());
    }

        private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> summary(LintReport report) {
        return report.findings().stream().map(f -> f.line() + " " + f.rule()).toList();
    }
}
