package dev.keel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.keel.cli.KeelRun.run;
import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel check-db} on a real PostgreSQL where a concurrent build of an index the migrations declare
 * failed (a unique index over duplicate rows) and a validated foreign key was re-added NOT VALID: exit 1,
 * each listed with what it means and the SQL that fixes it, in text and in {@code --json}.
 */
class CheckDbHalfDoneCommandTest {
    static final String NL = System.lineSeparator();

    static MigrationSpec spec(String name, boolean atomic, List<String> deps, dev.keel.operations.Operation... ops) {
        return new MigrationSpec(new MigrationKey("shop", name), deps.stream().map(d -> new MigrationKey("shop", d)).toList(),
                List.of(ops), atomic, false, deps.isEmpty(), List.of(), "migrations/" + name + ".java");
    }

    static final MigrationSource PROJECT = KeelRun.source(
            spec("0001_initial", true, List.of(),
                    createModel("customer", table("customer").field("id", column("id", "bigint")).primaryKey("id")),
                    createModel("orders", table("orders").field("id", column("id", "bigint"))
                            .field("customer", column("customer_id", "bigint").nullable())
                            .field("code", column("code", "text").nullable()).primaryKey("id"))),
            spec("0002_code_and_customer", false, List.of("0001_initial"),
                    addIndex("orders", index("orders_code_uidx", "code").unique(), true),
                    addConstraint("orders", foreignKey("orders_customer_fk", "customer_id").references("customer", "id").notValid()),
                    validateConstraint("orders", "orders_customer_fk")));

    @TempDir Path dir;

    @Test
    void aFailedBuildAndANotValidForeignKeyExitOneWithTheirFix() throws Exception {
        String c = KeelRun.project(dir).toString();
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String url = "--url=" + SampleProject.url(db);
            assertEquals(0, run(PROJECT, "-C", c, "migrate", url).exit());
            KeelRun clean = run(PROJECT, "-C", c, "check-db", url);
            assertEquals(0, clean.exit(), clean.out() + clean.err());
            assertTrue(clean.out().startsWith("No drift: "), clean.out());

            try (Connection conn = db.connect(); var st = conn.createStatement()) {
                st.execute("INSERT INTO orders (id, code) VALUES (1, 'A'), (2, 'B')");
                st.execute("DROP INDEX orders_code_uidx");
                st.execute("UPDATE orders SET code = 'A'");
                assertThrows(SQLException.class, () -> st.execute("CREATE UNIQUE INDEX CONCURRENTLY orders_code_uidx ON orders (code)"));
                st.execute("ALTER TABLE orders DROP CONSTRAINT orders_customer_fk");
                st.execute("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID");
            }
            KeelRun check = run(PROJECT, "-C", c, "check-db", url);
            assertEquals(1, check.exit(), check.out() + check.err());
            String out = check.out();
            assertFalse(out.contains("Drift:"), out);
            assertTrue(out.startsWith("Half-done: database default at "), out);
            assertTrue(out.contains(" holds 2 indexes or constraints that are not what its migrations built:" + NL), out);
            assertTrue(out.contains(NL + "  table orders: foreign key orders_customer_fk NOT VALID: the applied migrations validated it"), out);
            assertTrue(out.contains(NL + "    To fix: ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;" + NL), out);
            assertTrue(out.contains(NL + "  table orders: index orders_code_uidx invalid: a concurrent build of it"), out);
            assertTrue(out.contains(NL + "    To fix: REINDEX INDEX CONCURRENTLY orders_code_uidx;" + NL), out);

            KeelRun json = run(PROJECT, "-C", c, "check-db", url, "--json");
            assertEquals(1, json.exit());
            JsonNode report = new ObjectMapper().readTree(json.out());
            assertFalse(report.get("clean").asBoolean());
            assertEquals(0, report.get("differences").size());
            JsonNode problems = report.get("problems");
            assertEquals(2, problems.size());
            JsonNode index = problems.get(1);
            assertEquals("orders", index.get("table").asText());
            assertEquals("index", index.get("what").asText());
            assertEquals("orders_code_uidx", index.get("name").asText());
            assertEquals("INVALID_INDEX", index.get("kind").asText());
            assertTrue(index.get("declared").asBoolean());
            assertEquals("REINDEX INDEX CONCURRENTLY orders_code_uidx;", index.get("fix").get(0).asText());
            assertEquals("NOT_VALIDATED", problems.get(0).get("kind").asText());

            try (Connection conn = db.connect(); var st = conn.createStatement()) {
                st.execute("UPDATE orders SET code = 'B' WHERE id = 2");
                st.execute(index.get("fix").get(0).asText());
                st.execute(problems.get(0).get("fix").get(0).asText());
            }
            KeelRun fixed = run(PROJECT, "-C", c, "check-db", url);
            assertEquals(0, fixed.exit(), fixed.out());
        }
    }
}
