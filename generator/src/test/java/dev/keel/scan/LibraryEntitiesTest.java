package dev.keel.scan;

import dev.keel.scan.oracle.SampleLibraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code @Entity} that lives in a jar of {@code "libraries"} (another module's entities): keel maps entities from the
 * source roots only, so a relation to one, or an entity extending one, is one problem naming the jar and the fix.
 */
class LibraryEntitiesTest {
    @TempDir
    Path dir;

    private static final Map<String, String> CORE = Map.of(
            "core/Account.java", """
                    package core;
                    import jakarta.persistence.*;
                    @Entity @Table(name = "core_account")
                    public class Account {
                        @Id @GeneratedValue Long id;
                        String owner;
                    }""",
            "core/Party.java", """
                    package core;
                    import jakarta.persistence.*;
                    @Entity @Inheritance(strategy = InheritanceType.JOINED)
                    public abstract class Party {
                        @Id Long id;
                    }""");

    @Test
    void aRelationToAnEntityOfAJarNamesTheJarAndTheSourceRootToAdd() {
        SampleLibraries.compileJar(CORE, dir.resolve("core-src"), dir.resolve("p1/lib/core.jar"));
        List<String> problems = new ScanFixture(dir.resolve("p1")).libraries("lib/core.jar").entity("Ledger", """
                import core.Account;
                @Entity public class Ledger {
                    @Id Long id;
                    @ManyToOne Account account;
                    @OneToMany @JoinTable(name = "ledger_accounts") java.util.List<Account> others;
                }""").problems();
        assertEquals(2, problems.size(), problems.toString());
        String p = problems.get(0);
        assertTrue(p.contains("field account refers to core.Account, an @Entity of the class path (")
                && p.contains("core.jar"), p);
        assertTrue(p.contains("keel maps the entities of the source roots only"), p);
        assertTrue(p.contains("To fix: add the source root of core.Account's module to keel.json \"sourceRoots\""), p);
    }

    @Test
    void anEntityExtendingAnEntityOfAJarIsOneProblemAtItsExtends() {
        SampleLibraries.compileJar(CORE, dir.resolve("core-src"), dir.resolve("p2/lib/core.jar"));
        List<String> problems = new ScanFixture(dir.resolve("p2")).libraries("lib/core.jar").entity("Person", """
                import core.Party;
                @Entity public class Person extends Party {
                    String name;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        String p = problems.get(0);
        assertTrue(p.contains("Person extends core.Party, an @Entity of the class path (") && p.contains("core.jar"), p);
        assertTrue(p.contains("To fix: add the source root of core.Party's module to keel.json \"sourceRoots\""), p);
    }
}
