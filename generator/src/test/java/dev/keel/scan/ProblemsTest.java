package dev.keel.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the scanner cannot map is reported as file:line with a fix, every problem at once. */
class ProblemsTest {
    @TempDir
    Path dir;

    @Test
    void everyProblemOfEveryFileIsReportedWithFileLineAndFix() {
        List<String> problems = new ScanFixture(dir)
                .entity("Weird", "@Entity public class Weird {\n @Id Long id;\n java.util.Optional<String> maybe;\n}")
                .entity("Unknown", "@Entity public class Unknown {\n @Id Long id;\n @Column(name = Missing.NAME) String a;\n}")
                .problems();
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).matches(".*Unknown\\.java:13: .*Missing.*To fix: .*"), problems.get(0));
        assertTrue(problems.get(1).matches(".*Weird\\.java:13: field maybe has type java.util.Optional<java.lang.String>.*To fix: .*"),
                problems.get(1));
    }

    @Test
    void aFileThatDoesNotParseIsTheOneProblemAsWithJavac() {
        List<String> problems = new ScanFixture(dir)
                .entity("Broken", "@Entity public class Broken { @Id Long id; String x = ; }")
                .entity("Weird", "@Entity public class Weird {\n @Id Long id;\n java.util.Optional<String> maybe;\n}")
                .problems();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).matches("(?s).*Broken\\.java:11:55: does not parse as Java 17: illegal start of expression.*To fix: .*"),
                problems.get(0));
    }

    @Test
    void unsupportedMappingsSayWhatToDo() {
        List<String> problems = new ScanFixture(dir)
                .entity("Thing", """
                        @Entity public class Thing {
                          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) String id;
                          @MapsId String code;
                          @Column(columnDefinition = "text not null references other(id)") String body;
                          @Transient String ok;
                          @OneToMany List<Stranger> strangers;
                          @Embedded @AssociationOverride(name = "owner", joinColumns = @JoinColumn(name = "x")) Stranger holder;
                        }""")
                .entity("Stranger", "public class Stranger {}")
                .problems();
        String all = String.join("\n", problems);
        assertEquals(5, problems.size(), all);
        assertTrue(all.contains("@GeneratedValue(IDENTITY) on id of type java.lang.String is not supported"), all);
        assertTrue(all.contains("@MapsId on code, which is not a @ManyToOne or @OneToOne"), all);
        assertTrue(all.contains("columnDefinition \"text not null references other(id)\" of field body says REFERENCES,"
                + " which keel does not read"), all);
        assertTrue(all.contains("not an entity of any app"), all);
        assertTrue(all.contains("@AssociationOverride on field holder"), all);
        problems.forEach(p -> assertTrue(p.matches(".*Thing\\.java:\\d+: .*\\. To fix: .*\\."), p));
    }

    /**
     * Secondary tables are mapped (realworld3 holds them against Hibernate); a column naming a table the entity does not
     * declare, and a relation's join column in a secondary table, are reported, not folded into the primary table.
     */
    @Test
    void secondaryTableMistakesAndJoinColumnsInThemAreReported() {
        List<String> problems = new ScanFixture(dir)
                .entity("Profile", """
                        @Entity @SecondaryTable(name = "profile_extra")
                        public class Profile {
                          @Id Long id;
                          @Column(table = "profile_extra") String note;
                          @Column(table = "profile_extar") String typo;
                          @ManyToOne @JoinColumn(table = "profile_extra") Profile parent;
                        }""")
                .problems();
        assertEquals(2, problems.size(), String.join("\n", problems));
        String all = String.join("\n", problems);
        assertTrue(all.matches("(?s).*Profile\\.java:\\d+: @Column\\(table = \"profile_extar\"\\) of field typo names no @SecondaryTable"
                + " of entity Profile.*To fix: declare @SecondaryTable\\(name = \"profile_extar\"\\).*"), all);
        assertTrue(all.matches("(?s).*Profile\\.java:\\d+: @JoinColumn\\(table = \"profile_extra\"\\) of field parent puts a relation's"
                + " key in a secondary table.*"), all);
    }

    /** An embeddable spread over the entity's table and a secondary table is refused, as Hibernate refuses it. */
    @Test
    void anEmbeddableInTwoTablesIsReported() {
        List<String> problems = new ScanFixture(dir)
                .entity("Place", """
                        @Entity @SecondaryTable(name = "place_geo")
                        public class Place {
                          @Id Long id;
                          @Embedded Point point;
                          @Embedded @AttributeOverride(name = "lat", column = @Column(name = "lat2", table = "place_geo"))
                          @AttributeOverride(name = "lng", column = @Column(name = "lng2", table = "place_geo")) Point other;
                        }""")
                .entity("Point", """
                        @Embeddable public class Point {
                          Double lat;
                          @Column(table = "place_geo") Double lng;
                        }""")
                .problems();
        String all = String.join("\n", problems);
        assertEquals(1, problems.size(), all);
        assertTrue(all.matches("(?s).*Place\\.java:\\d+: the columns of embeddable Point in field point go to two tables"
                + " \\(place and place_geo\\): Hibernate refuses to start.*"), all);
    }

    /**
     * A generator name that a @GenericGenerator of a class keel does not know declares is said to be one, not "not
     * declared" (a @TableGenerator's table is mapped: oracle sample realworld4).
     */
    @Test
    void generatorsThatAreNoSequenceAreNamedForWhatTheyAre() {
        List<String> problems = new ScanFixture(dir)
                .entity("Badge", """
                        @Entity public class Badge {
                          @Id @GeneratedValue(generator = "badges")
                          @org.hibernate.annotations.GenericGenerator(name = "badges", type = Object.class) Long id;
                        }""")
                .problems();
        String all = String.join("\n", problems);
        assertEquals(1, problems.size(), all);
        assertTrue(all.contains("generator \"badges\" is a @GenericGenerator"), all);
        assertTrue(all.contains("To fix: declare @SequenceGenerator(name = \"badges\", ...)"), all);
    }

    /** An undeclared generator is no problem: Hibernate makes a sequence of its name ({@code PackageGeneratorsTest}). */
    @Test
    void entitiesWithoutIdAreReportedAndUndeclaredGeneratorsAreNot() {
        List<String> problems = new ScanFixture(dir)
                .entity("NoId", "@Entity public class NoId { String name; }")
                .entity("Gen", "@Entity public class Gen { @Id @GeneratedValue(generator = \"nope\") Long id; }")
                .problems();
        String all = String.join("\n", problems);
        assertTrue(all.contains("has no @Id"), all);
        assertEquals(1, problems.size(), all);
    }
}
