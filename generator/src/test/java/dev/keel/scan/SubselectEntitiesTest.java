package dev.keel.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An entity mapped to a query ({@code @Subselect}) has no table, as in Hibernate (oracle sample {@code implicit}, BerthOccupancy). */
class SubselectEntitiesTest {
    @TempDir
    Path dir;

    private static final String TOTALS = """
            @Entity @org.hibernate.annotations.Immutable
            @org.hibernate.annotations.Subselect("select o.customer as customer, sum(o.amount) as total from orders o group by o.customer")
            public class CustomerTotal {
                @Id String customer;
                java.math.BigDecimal total;
            }""";

    @Test
    void aSubselectEntityHasNoTable() {
        var state = new ScanFixture(dir.resolve("view")).entity("CustomerTotal", TOTALS).entity("Order", """
                @Entity @Table(name = "orders") public class Order {
                    @Id Long id;
                    String customer;
                    java.math.BigDecimal amount;
                }""").scan();
        assertEquals(List.of("orders"), state.tables().stream().map(t -> t.name()).toList());
    }

    @Test
    void aForeignKeyToASubselectEntityIsAProblem() {
        List<String> problems = new ScanFixture(dir.resolve("fk")).entity("CustomerTotal", TOTALS).entity("Invoice", """
                @Entity public class Invoice {
                    @Id Long id;
                    @ManyToOne CustomerTotal totals;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Invoice.java:11: table invoice has a foreign key (totals_customer) to entity CustomerTotal,"
                + " which @Subselect maps to a query, not a table"), problems.get(0));
    }
}
