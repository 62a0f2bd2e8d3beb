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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Constants an entity inherits from a class path superclass of the same simple name ({@code class Account extends
 * base.Account}), named through the entity's own name ({@code Account.TABLE}): found in the superclass, as javac
 * finds them.
 */
class InheritedConstantsTest {
    @TempDir
    Path dir;

    static final Map<String, String> LIBRARY = Map.of("base/Account.java", """
            package base;
            public abstract class Account {
                public static final String SCHEMA = "ledger";
                public static final String TABLE = "LedgerAccount";
                public static final int NAME_LENGTH = 60;
                public interface Owner { int MAX_LENGTH = 30; }
            }""");

    static final String ACCOUNT = """
            @Entity
            @Table(schema = Account.SCHEMA, name = Account.TABLE)
            public class Account extends base.Account {
                @Id Long id;
                @Column(length = Account.NAME_LENGTH) String name;
                @Column(length = Owner.MAX_LENGTH) String owner;
            }""";

    @Test
    void constantsOfALibrarySuperclassOfTheSameSimpleNameAreFound() {
        SampleLibraries.compileJar(LIBRARY, dir.resolve("lib-src"), dir.resolve("project/lib/base.jar"));
        ProjectState s = new ScanFixture(dir.resolve("project")).libraries("lib/base.jar").entity("Account", ACCOUNT).scan();
        assertEquals("ledger", table(s, "account").schema());
        assertEquals("ledger_account", table(s, "account").name());
        assertEquals("varchar(60)", column(s, "account", "name").type());
        assertEquals("varchar(30)", column(s, "account", "owner").type());
    }

    @Test
    void theSameConstantsInTheSourcesAreFoundToo() {
        var fixture = new ScanFixture(dir.resolve("sources"));
        LIBRARY.forEach(fixture::file);
        ProjectState s = fixture.entity("Account", ACCOUNT).scan();
        assertEquals("ledger", table(s, "account").schema());
        assertEquals("varchar(60)", column(s, "account", "name").type());
        assertEquals("varchar(30)", column(s, "account", "owner").type());
    }

    @Test
    void withoutTheClassPathTheTableNameIsOneProblemAtTheAnnotation() {
        List<String> problems = new ScanFixture(dir.resolve("bare")).entity("Account", ACCOUNT).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("Account.java:") && p.contains("Account.TABLE")), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.contains("To fix:") && p.contains("\"libraries\"")), problems.toString());
    }
}
