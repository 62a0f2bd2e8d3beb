package dev.keel.make;

import dev.keel.config.KeelConfig;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.CreateModel;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.scan.EntityScanner;
import dev.keel.state.ForeignKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Apps whose new tables have foreign keys to each other (issue 15): makemigrations writes the first app's
 * tables without the foreign key that closes the cycle, then the other app's, then the closing foreign key
 * in a second migration of the first app that depends on the other's; the migrations replay and the check
 * passes.
 */
class AppCycleTest {
    @TempDir Path dir;

    private void write(String path, String text) throws IOException {
        Path f = dir.resolve("src/main/java").resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private MakeResult make(boolean check) {
        KeelConfig config = KeelConfig.read(dir);
        EntitySource scanner = (c, d) -> {
            EntityScanner.Scan scan = EntityScanner.scanWithHints(d, c);
            return new ScannedProject(scan.state(), scan.hints());
        };
        var options = new MakeOptions(List.of(), check, false, false, false, null, false, SafetyOptions.DEFAULT);
        return new MakeMigrations(scanner, new NonInteractiveQuestioner()).run(config, dir, options);
    }

    @Test
    void appsWhoseNewTablesPointAtEachOtherAreMigratedInThreeSteps() throws IOException {
        Files.writeString(dir.resolve("keel.json"), """
                {"sourceRoots": ["src/main/java"], "naming": "snake_case", "apps": [
                  {"label": "crm", "package": "com.acme.crm"},
                  {"label": "billing", "package": "com.acme.billing"}]}""");
        write("com/acme/crm/Customer.java", """
                package com.acme.crm;

                import com.acme.billing.Invoice;
                import jakarta.persistence.*;

                @Entity
                public class Customer {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    private String name;
                    @ManyToOne(fetch = FetchType.LAZY) private Invoice lastInvoice;
                }
                """);
        write("com/acme/billing/Invoice.java", """
                package com.acme.billing;

                import com.acme.crm.Customer;
                import jakarta.persistence.*;

                @Entity
                public class Invoice {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @ManyToOne(optional = false) private Customer customer;
                }
                """);
        MakeResult made = make(false);
        List<MigrationSpec> specs = made.migrations().stream().map(NewMigration::spec).toList();
        assertEquals(List.of("billing.0001_initial", "crm.0001_initial", "billing.0002"),
                specs.stream().map(s -> s.app() + "." + (s.name().startsWith("0002_") ? "0002" : s.name())).toList());
        MigrationSpec invoice = specs.get(0);
        MigrationSpec customer = specs.get(1);
        MigrationSpec closing = specs.get(2);
        assertEquals(List.of(), invoice.dependencies());
        CreateModel createInvoice = assertInstanceOf(CreateModel.class, invoice.operations().get(0));
        assertEquals(List.of(), createInvoice.table().foreignKeys(), "created without the foreign key that closes the cycle");
        assertEquals(List.of(new MigrationKey("billing", "0001_initial")), customer.dependencies());
        assertEquals(List.of(new MigrationKey("billing", "0001_initial"), new MigrationKey("crm", "0001_initial")),
                closing.dependencies());
        AddConstraint add = assertInstanceOf(AddConstraint.class, closing.operations().get(0));
        ForeignKey fk = assertInstanceOf(ForeignKey.class, add.constraint());
        assertEquals("customer", fk.targetTable());
        assertTrue(fk.validated(), "the table is new in this run: no rows, no NOT VALID and later validation");
        assertEquals(1, closing.operations().size());
        assertEquals(List.of(), make(true).problems(), "the migrations replay to the entities' schema");
    }
}
