package dev.keel.scan;

import dev.keel.project.ProjectState;
import dev.keel.scan.oracle.SampleLibraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mapped superclasses and embeddables from the class path ({@code "libraries"}): mapped as their sources would be,
 * and, when keel cannot see them, one problem at the class that extends or embeds them, naming what to add.
 */
class LibrarySuperclassesTest {
    @TempDir
    Path dir;

    @Test
    void aSuperclassKeelCannotSeeIsOneProblemNamingItNotAMissingId() {
        List<String> problems = new ScanFixture(dir.resolve("p1")).entity("Note", """
                import base.BaseEntity;
                @Entity public class Note extends BaseEntity<Long> {
                    String text;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        String p = problems.get(0);
        assertTrue(p.contains("Note.java:12: Note extends base.BaseEntity, which is declared neither in the source roots"
                + " nor on the class path (empty: keel.json has no \"libraries\""), p);
        assertTrue(p.contains("keel cannot see its fields"), p);
        assertTrue(p.contains("To fix: add the jar that holds base.BaseEntity to keel.json \"libraries\""), p);
        assertFalse(p.contains("no @Id"), p);
    }

    @Test
    void theUnseenClassAtTheTopOfAScannedChainIsReportedWhereTheChainExtendsIt() {
        List<String> problems = new ScanFixture(dir.resolve("p2"))
                .file("app/Audited.java", """
                        package app;
                        import jakarta.persistence.*;
                        @MappedSuperclass
                        public abstract class Audited extends com.corp.Persistable {
                            String createdBy;
                        }""")
                .entity("Invoice", """
                        @Entity public class Invoice extends Audited {
                            String number;
                        }""")
                .entity("Receipt", """
                        @Entity public class Receipt extends Audited {
                            String number;
                        }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Audited.java:4: Audited extends com.corp.Persistable, which is declared neither"),
                problems.get(0));
    }

    @Test
    void anEmbeddedTypeKeelCannotSeeIsAProblemNamingIt() {
        List<String> problems = new ScanFixture(dir.resolve("p3")).entity("Shop", """
                import money.Amount;
                @Entity public class Shop {
                    @Id Long id;
                    @Embedded Amount price;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Shop.java:14: field price embeds money.Amount, which is declared neither in the"
                + " source roots nor on the class path"), problems.get(0));
        assertTrue(problems.get(0).contains("keel cannot see its fields"), problems.get(0));
    }

    @Test
    void anEmbeddableWhoseSuperclassKeelCannotSeeIsAProblem() {
        List<String> problems = new ScanFixture(dir.resolve("p4"))
                .file("app/Amount.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Embeddable
                        public class Amount extends money.BaseAmount {
                            String currency;
                        }""")
                .entity("Shop", """
                        @Entity public class Shop {
                            @Id Long id;
                            Amount price;
                        }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Amount.java:4: Amount extends money.BaseAmount, which is declared neither"),
                problems.get(0));
    }
}
