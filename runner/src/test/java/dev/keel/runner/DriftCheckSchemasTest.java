package dev.keel.runner;

import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel check-db} on a project whose tables live in several schemas: expressions PostgreSQL
 * rewrites ({@code IN (...)}, casts in defaults, index expressions, partial-index predicates) are
 * compared as PostgreSQL prints them in every schema, so a migrated project shows no drift; foreign
 * keys across schemas and sequences in schemas map back to their real schemas; a hand change in a
 * schema is still listed.
 */
class DriftCheckSchemasTest {

    private static MigrationSet project() {
        return Specs.set(
                Specs.spec("crm.0001_initial").ops(
                        createSequence(sequence("crm.invoice_seq")),
                        createModel("customer", table("customer").schema("crm")
                                .field("id", column("id", "bigint"))
                                .field("tier", column("tier", "varchar(10)"))
                                .field("status", column("status", "varchar(20)").defaultSql("'active'::character varying"))
                                .field("email", column("email", "varchar(200)"))
                                .field("invoiceNo", column("invoice_no", "bigint").defaultSql("nextval('crm.invoice_seq')"))
                                .primaryKey("id")
                                .constraint(check("customer_tier_check", "tier in ('A','B')"))
                                .index(index("customer_email_lower_idx", "lower(email)"))
                                .index(index("customer_vip_idx", "tier").where("tier in ('A') and status = 'active'"))),
                        createModel("note", table("note").schema("crm")
                                .field("id", column("id", "bigint"))
                                .field("customer", column("customer_id", "bigint").nullable())
                                .primaryKey("id")
                                .constraint(foreignKey("note_customer_fk", "customer_id").references("crm.customer", "id")))),
                Specs.spec("shop.0001_initial").after("crm.0001_initial").ops(
                        createSequence(sequence("order_seq")),
                        createModel("order", table("purchase").field("id", column("id", "bigint"))
                                .field("customer", column("customer_id", "bigint"))
                                .field("kind", column("kind", "text").defaultSql("'web'"))
                                .field("no", column("no", "bigint").defaultSql("nextval('order_seq')"))
                                .primaryKey("id")
                                .constraint(check("purchase_kind_check", "kind in ('web','shop')"))
                                .constraint(foreignKey("purchase_customer_fk", "customer_id").references("crm.customer", "id"))
                                .index(index("purchase_kind_idx", "upper(kind)")))),
                Specs.spec("billing.0001_initial").after("shop.0001_initial").ops(
                        createSequence(sequence("Billing.invoice_seq")),
                        createModel("invoice", table("invoice").schema("Billing")
                                .field("id", column("id", "bigint"))
                                .field("purchase", column("purchase_id", "bigint"))
                                .field("customer", column("customer_id", "bigint"))
                                .field("no", column("no", "bigint").defaultSql("nextval('\"Billing\".invoice_seq')"))
                                .field("amount", column("amount", "numeric(10,2)").defaultSql("0"))
                                .primaryKey("id")
                                .constraint(check("invoice_amount_check", "amount between 0 and 1000 and no not in (13)"))
                                .constraint(foreignKey("invoice_purchase_fk", "purchase_id").references("purchase", "id"))
                                .constraint(foreignKey("invoice_customer_fk", "customer_id").references("crm.customer", "id"))
                                .index(index("invoice_amount_idx", "(amount * 2)").where("amount > 0")))));
    }

    @Test
    void aProjectWithSchemasShowsNoDriftAfterMigrateAndHandChangesInASchemaAreListed() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, project(), RunnerSettings.defaults(), MigrateListener.silent())) {
            m.migrate(MigrateRequest.all().withPostDeploy());
            DriftCheck.Report clean = DriftCheck.check(m);
            assertEquals(List.of(), clean.differences());
            assertTrue(clean.exact(), "expressions compared as PostgreSQL prints them");
            assertEquals(0, db.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'keel_check_%'"),
                    "the scratch schemas are rolled back");

            db.execute("ALTER TABLE crm.customer DROP CONSTRAINT customer_tier_check",
                    "ALTER TABLE crm.customer ADD CONSTRAINT customer_tier_check CHECK (tier in ('A','B','C'))",
                    "ALTER TABLE crm.customer ALTER COLUMN status SET DEFAULT 'gone'",
                    "DROP INDEX crm.customer_email_lower_idx",
                    "CREATE INDEX customer_email_lower_idx ON crm.customer (upper(email))",
                    "ALTER SEQUENCE crm.invoice_seq INCREMENT BY 5");
            List<String> drift = DriftCheck.check(m).differences();
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("table crm.customer: check customer_tier_check")), drift.toString());
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("table crm.customer: column status")), drift.toString());
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("table crm.customer: index customer_email_lower_idx")), drift.toString());
            assertTrue(drift.stream().anyMatch(d -> d.startsWith("sequence crm.invoice_seq")), drift.toString());
            assertEquals(4, drift.size(), drift.toString());

            db.execute("ALTER TABLE \"Billing\".invoice DROP CONSTRAINT invoice_customer_fk",
                    "ALTER TABLE \"Billing\".invoice ADD CONSTRAINT invoice_customer_fk FOREIGN KEY (purchase_id) REFERENCES purchase (id)");
            List<String> more = DriftCheck.check(m).differences();
            assertTrue(more.contains("table Billing.invoice: foreign key invoice_customer_fk: references crm.customer[id] vs purchase[id]"),
                    more.toString());
            assertTrue(more.contains("table Billing.invoice: foreign key invoice_customer_fk: columns [customer_id] vs [purchase_id]"),
                    more.toString());
            assertEquals(6, more.size(), more.toString());
        }
    }

    @Test
    void withoutTheRightToCreateSchemasTheCheckFallsBackToTheStateAndSaysSo() throws Exception {
        String role = "keel_reader_" + Long.toHexString(System.nanoTime());
        try (Db db = Db.fresh()) {
            try (Migrator owner = Specs.migrator(db, project(), RunnerSettings.defaults(), MigrateListener.silent())) {
                owner.migrate(MigrateRequest.all().withPostDeploy());
            }
            String database = db.connection.getCatalog();
            db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'reader'",
                    "REVOKE CREATE ON DATABASE \"" + database + "\" FROM PUBLIC",
                    "GRANT USAGE ON SCHEMA crm TO " + role,
                    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role,
                    "GRANT SELECT ON ALL TABLES IN SCHEMA crm TO " + role);
            try {
                var reader = new Database(db.database.url(), role, "reader", null, "start the test server");
                try (Migrator m = Migrator.connect(project(), reader, RunnerSettings.defaults(), MigrateListener.silent())) {
                    DriftCheck.Report report = DriftCheck.check(m);
                    assertFalse(report.exact(), "expressions compared after normalisation");
                    assertTrue(report.differences().stream().allMatch(d -> d.contains(": expression ") || d.contains(": where ")),
                            report.differences().toString());
                }
            } finally {
                db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }
}
