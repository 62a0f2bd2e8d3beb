package dev.keel.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generators declared on a package ({@code package-info.java}) are the persistence unit's, as Hibernate 6 reads them
 * (oracle sample {@code packages}): an entity of any package names them; their values resolve through the
 * package-info's own imports; a {@code @TableGenerator} there gives its table as on a class. A name declared nowhere is, as
 * to Hibernate 6, a sequence of that name in the default schema.
 */
class PackageGeneratorsTest {
    @TempDir
    Path dir;

    @Test
    void aPackagesSequenceAndGenericGeneratorsServeEntitiesOfEveryPackage() {
        var state = new ScanFixture(dir.resolve("ok"))
                .file("app/Sizes.java", "package app;\npublic interface Sizes {\n    int STEP = 20;\n    String SEQ = \"lot_numbers\";\n}")
                .file("app/package-info.java", """
                        /** Ids of the whole application. */
                        @SequenceGenerator(name = "lots", sequenceName = SEQ, allocationSize = Sizes.STEP, initialValue = 5)
                        @GenericGenerator(name = "bins", strategy = "enhanced-sequence",
                                parameters = @Parameter(name = "sequence_name", value = "bin_codes"))
                        package app;

                        import jakarta.persistence.SequenceGenerator;
                        import org.hibernate.annotations.GenericGenerator;
                        import org.hibernate.annotations.Parameter;
                        import static app.Sizes.SEQ;
                        """)
                .file("app/Lot.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity
                        public class Lot {
                            @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lots") Long id;
                        }""")
                .file("app/store/Bin.java", """
                        package app.store;
                        import jakarta.persistence.*;
                        @Entity
                        public class Bin {
                            @Id @GeneratedValue(generator = "bins") Long id;
                        }""")
                .scan();
        assertEquals(List.of("bin_codes:1:50", "lot_numbers:5:20"), state.sequences().stream()
                .map(s -> s.name() + ":" + s.start() + ":" + s.increment()).sorted().toList());
    }

    @Test
    void aTableGeneratorOnAPackageIsMappedAsOnAClass() {
        var state = new ScanFixture(dir.resolve("table"))
                .file("app/package-info.java", """
                        @TableGenerator(name = "crates", table = "crate_ids")
                        package app;
                        import jakarta.persistence.TableGenerator;
                        """)
                .file("app/Crate.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity
                        public class Crate {
                            @Id @GeneratedValue(generator = "crates") Long id;
                        }""")
                .scan();
        assertTrue(state.tableNamed("crate_ids").isPresent(), state.tables().toString());
        assertEquals(List.of(), List.copyOf(state.sequences()));
    }

    @Test
    void aGeneratorDeclaredNowhereIsASequenceOfItsName() {
        var state = new ScanFixture(dir.resolve("none"))
                .file("app/package-info.java", "/** No annotations. */\npackage app;\n")
                .file("app/Crate.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity
                        public class Crate {
                            @Id @GeneratedValue(generator = "crateNumbers") Long id;
                        }""")
                .file("app/Box.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity @Table(schema = "store")
                        public class Box {
                            @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crateNumbers") Long id;
                        }""")
                .scan();
        assertEquals(List.of("crate_numbers:1:50"), state.sequences().stream()
                .map(s -> s.name() + ":" + s.start() + ":" + s.increment()).sorted().toList());
    }

    @Test
    void aSequenceStrategyNamingAPackagesGenericGeneratorIsRefusedOnHibernate7Only() {
        String packageInfo = """
                @GenericGenerator(name = "ids", strategy = "enhanced-sequence")
                package app;
                import org.hibernate.annotations.GenericGenerator;
                """;
        String crate = """
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Crate {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids") Long id;
                }""";
        var on6 = new ScanFixture(dir.resolve("six")).file("app/package-info.java", packageInfo).file("app/Crate.java", crate).scan();
        assertEquals(List.of("ids:1:50"), on6.sequences().stream().map(s -> s.name() + ":" + s.start() + ":" + s.increment()).toList());
        List<String> on7 = new ScanFixture(dir.resolve("seven")).hibernate("7").file("app/package-info.java", packageInfo)
                .file("app/Crate.java", crate).problems();
        assertEquals(1, on7.size(), on7.toString());
        assertTrue(on7.get(0).contains("Crate.java:5: @GeneratedValue(strategy = SEQUENCE) names \"ids\", a @GenericGenerator:"
                + " Hibernate 7 refuses to start"), on7.get(0));
    }

    @Test
    void generatorsInTheirContainersAreReadOnPackagesAndClasses() {
        var state = new ScanFixture(dir.resolve("containers"))
                .file("app/package-info.java", """
                        @GenericGenerators({
                                @GenericGenerator(name = "a", strategy = "sequence", parameters = @Parameter(name = "sequence_name", value = "a_seq")),
                                @GenericGenerator(name = "b", strategy = "sequence", parameters = @Parameter(name = "increment_size", value = "7"))})
                        package app;
                        import org.hibernate.annotations.*;
                        """)
                .file("app/Crate.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity
                        @SequenceGenerators({@SequenceGenerator(name = "c", sequenceName = "c_seq", allocationSize = 3)})
                        public class Crate {
                            @Id @GeneratedValue(generator = "c") Long id;
                        }""")
                .file("app/Box.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity
                        public class Box {
                            @Id @GeneratedValue(generator = "a") Long id;
                        }""")
                .file("app/Bag.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity
                        public class Bag {
                            @Id @GeneratedValue(generator = "b") Long id;
                        }""")
                .scan();
        assertEquals(List.of("a_seq:1:50", "b:1:7", "c_seq:1:3"), state.sequences().stream()
                .map(s -> s.name() + ":" + s.start() + ":" + s.increment()).sorted().toList());
    }
}
