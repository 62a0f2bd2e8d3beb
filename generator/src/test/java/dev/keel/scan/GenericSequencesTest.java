package dev.keel.scan;

import dev.keel.state.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @GenericGenerator} naming Hibernate's own sequence generator maps to the sequence Hibernate makes (oracle sample
 * {@code generators}); a custom generator, a subclass (its code may change the sequence), or a parameter keel does not reproduce
 * is refused at the generator's use, naming the class or the parameter.
 */
class GenericSequencesTest {
    @TempDir
    Path dir;

    private static final String IMPORTS = "import org.hibernate.annotations.GenericGenerator;\n"
            + "import org.hibernate.annotations.Parameter;\n";

    @Test
    void hibernatesSequenceGeneratorGivesItsSequenceByNameParametersAndDefaults() {
        var state = new ScanFixture(dir.resolve("ok")).file("app/Lot.java", "package app;\nimport jakarta.persistence.*;\n" + IMPORTS + """
                @Entity
                @GenericGenerator(name = "lotNumbers", type = org.hibernate.id.enhanced.SequenceStyleGenerator.class)
                public class Lot {
                    @Id @GeneratedValue(generator = "lotNumbers") Long id;
                }""").file("app/Bin.java", "package app;\nimport jakarta.persistence.*;\n" + IMPORTS + """
                @Entity
                public class Bin {
                    @Id @GeneratedValue(generator = "bins")
                    @GenericGenerator(name = "bins", strategy = "sequence", parameters = {
                        @Parameter(name = "sequence_name", value = "binCodes"), @Parameter(name = "increment_size", value = "3")})
                    Long id;
                }""").scan();
        assertEquals(List.of("bin_codes:1:3", "lot_numbers:1:50"), state.sequences().stream()
                .map(s -> s.name() + ":" + s.start() + ":" + s.increment()).sorted().toList());
    }

    @Test
    void aCustomGeneratorIsRefusedNamingItsClass() {
        List<String> problems = new ScanFixture(dir.resolve("custom")).file("app/Wrapping.java", """
                package app;
                public class Wrapping implements org.hibernate.id.IdentifierGenerator {
                    public Object generate(org.hibernate.engine.spi.SharedSessionContractImplementor s, Object o) { return 1L; }
                }""").file("app/Crate.java", "package app;\nimport jakarta.persistence.*;\n" + IMPORTS + """
                @Entity
                public class Crate {
                    @Id @GeneratedValue(generator = "crates") @GenericGenerator(name = "crates", type = Wrapping.class)
                    Long id;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Crate.java:7: generator \"crates\" is a @GenericGenerator of app.Wrapping, a custom"
                + " generator (not Hibernate's SequenceStyleGenerator itself)"), problems.get(0));
        assertTrue(problems.get(0).contains("To fix: declare @SequenceGenerator(name = \"crates\""), problems.get(0));
    }

    @Test
    void aSubclassIsRefusedItsCodeMayChangeTheSequence() {
        List<String> problems = new ScanFixture(dir.resolve("configures")).file("app/Shifted.java", """
                package app;
                public class Shifted extends org.hibernate.id.enhanced.SequenceStyleGenerator {
                    @Override
                    public void configure(org.hibernate.type.Type t, java.util.Properties p, org.hibernate.service.ServiceRegistry r) {
                        p.put("initial_value", 1000);
                        super.configure(t, p, r);
                    }
                }""").file("app/Drum.java", "package app;\nimport jakarta.persistence.*;\n" + IMPORTS + """
                @Entity
                public class Drum {
                    @Id @GeneratedValue(generator = "drums") @GenericGenerator(name = "drums", type = Shifted.class)
                    Long id;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("generator \"drums\" is a @GenericGenerator of app.Shifted, a custom generator"), problems.get(0));
    }

    @Test
    void aParameterKeelDoesNotReproduceIsRefusedNamingIt() {
        List<String> problems = new ScanFixture(dir.resolve("param")).file("app/Keg.java", "package app;\nimport jakarta.persistence.*;\n" + IMPORTS + """
                @Entity
                public class Keg {
                    @Id @GeneratedValue(generator = "kegs")
                    @GenericGenerator(name = "kegs", strategy = "enhanced-sequence",
                        parameters = @Parameter(name = "prefer_sequence_per_entity", value = "true"))
                    Long id;
                    @Id @GeneratedValue(generator = "kegs2")
                    @GenericGenerator(name = "kegs2", strategy = "enhanced-sequence",
                        parameters = @Parameter(name = "increment_size", value = "ten"))
                    Long other;
                }""").problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("Keg.java:8: generator \"kegs\" is Hibernate's sequence generator with"
                + " parameter \"prefer_sequence_per_entity\", whose effect on the sequence keel does not reproduce")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("parameter \"increment_size\" of generator \"kegs2\" is \"ten\", not a whole number")),
                problems.toString());
    }
}
