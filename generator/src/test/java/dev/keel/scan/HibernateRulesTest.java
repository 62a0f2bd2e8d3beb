package dev.keel.scan;

import dev.keel.project.ProjectState;
import dev.keel.state.CheckConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each way Hibernate 7's schema differs from 6.6's, as the scan writes it for a project on each version (the oracle
 * module oracle-hibernate7 measures them against Hibernate 7 itself, on its DDL and on a real PostgreSQL).
 */
class HibernateRulesTest {
    @TempDir Path dir;

    private static Map<String, String> checks(ProjectState state, String model) {
        var result = new TreeMap<String, String>();
        for (CheckConstraint c : table(state, model).checks()) {
            result.put(c.name(), c.expression());
        }
        return result;
    }

    private ScanFixture hierarchy(Path where) {
        return new ScanFixture(where)
                .entity("Animal", "@Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE)\n"
                        + "public abstract class Animal { @Id Long id; String name; @Column int legs; }")
                .entity("Dog", "@Entity @DiscriminatorValue(\"D'og\") public class Dog extends Animal {"
                        + " boolean goodBoy; @ManyToOne(optional = false) Owner owner; @Column(nullable = false) Integer age;"
                        + " Integer weight; @Basic(optional = false) String breed; }")
                .entity("Puppy", "@Entity public class Puppy extends Dog { int teeth; }")
                .entity("Cat", "@Entity public class Cat extends Animal { String color; }")
                .entity("Owner", "@Entity public class Owner { @Id Long id; }");
    }

    @Test
    void singleTableHierarchiesGetTheirChecksOnHibernate7Only() {
        ProjectState six = hierarchy(dir.resolve("six")).scan();
        assertEquals(Map.of(), checks(six, "animal"));
        assertTrue(column(six, "animal", "owner_id").notNull(), "6.6 makes a mandatory relation of a subclass NOT NULL");

        ProjectState seven = hierarchy(dir.resolve("seven")).hibernate("7").scan();
        Map<String, String> checks = checks(seven, "animal");
        // the values of the concrete classes (not the abstract root): each direct subclass's subclasses (Dog's Puppy),
        // then the direct subclasses, in binding order
        assertEquals("dtype in ('Puppy','Cat','D''og')", checks.get("animal_dtype_check"), checks.toString());
        // per concrete subclass, in binding order: its superclass's and its own non-optional attributes by name whose
        // columns were nullable before Bean Validation (Animal's @Column int legs for Cat and Dog; Dog's breed, good_boy
        // and owner_id, and Puppy's teeth, for Puppy); none for an optional attribute (Cat's color, Dog's weight) or a
        // NOT NULL column (Dog's age)
        assertEquals(Map.of("animal_check", "dtype <> 'Cat' or (legs is not null)",
                "animal_check1", "dtype <> 'D''og' or (legs is not null and breed is not null and good_boy is not null"
                        + " and owner_id is not null)",
                "animal_check2", "dtype <> 'Puppy' or (breed is not null and good_boy is not null and owner_id is not null"
                        + " and teeth is not null)",
                "animal_dtype_check", "dtype in ('Puppy','Cat','D''og')"), checks);
        assertEquals(false, column(seven, "animal", "owner_id").notNull(), "7 leaves a subclass's mandatory relation nullable");
    }

    @Test
    void integerDiscriminatorsDefaultToTheHashOfTheEntityName() {
        ProjectState seven = new ScanFixture(dir).hibernate("7")
                .entity("Item", "@Entity @DiscriminatorColumn(name = \"kind\", discriminatorType = DiscriminatorType.INTEGER)\n"
                        + "@DiscriminatorValue(\"1\") public class Item { @Id Long id; }")
                .entity("Book", "@Entity public class Book extends Item { String isbn; }")
                .scan();
        assertEquals("kind in (1," + "Book".hashCode() + ")", checks(seven, "item").get("item_kind_check"));
    }

    @Test
    void aCatchAllValueOrAForcedDiscriminatorHasNoCheck() {
        ProjectState catchAll = new ScanFixture(dir.resolve("a")).hibernate("7")
                .entity("Item", "@Entity @DiscriminatorValue(\"not null\") public class Item { @Id Long id; }")
                .entity("Book", "@Entity public class Book extends Item { String isbn; }")
                .scan();
        assertEquals(Map.of(), checks(catchAll, "item"));
        ProjectState forced = new ScanFixture(dir.resolve("b")).hibernate("7")
                .entity("Item", "@Entity @org.hibernate.annotations.DiscriminatorOptions(force = true) public class Item { @Id Long id; }")
                .entity("Book", "@Entity public class Book extends Item { String isbn; }")
                .scan();
        assertEquals(Map.of(), checks(forced, "item"));
    }

    @Test
    void aCharDiscriminatorWithoutValuesIsRefusedOnHibernate7() {
        List<String> problems = new ScanFixture(dir).hibernate("7")
                .entity("Item", "@Entity @DiscriminatorColumn(discriminatorType = DiscriminatorType.CHAR)"
                        + " @DiscriminatorValue(\"I\") public class Item { @Id Long id; }")
                .entity("Book", "@Entity public class Book extends Item { String isbn; }")
                .problems();
        assertTrue(problems.get(0).contains("Book.java") && problems.get(0).contains("Hibernate 7 refuses to start")
                && problems.get(0).contains("@DiscriminatorValue"), problems.toString());
    }

    @Test
    void timesOfDayHaveNoFractionsOnHibernate7() {
        String body = "@Entity public class Shift { @Id Long id; LocalTime starts; OffsetTime ends; java.sql.Time pause;"
                + " @Temporal(TemporalType.TIME) java.util.Date legacy; LocalDateTime at; }";
        ProjectState six = new ScanFixture(dir.resolve("six")).entity("Shift", body).scan();
        ProjectState seven = new ScanFixture(dir.resolve("seven")).hibernate("7").entity("Shift", body).scan();
        for (String c : List.of("starts", "ends", "pause", "legacy")) {
            assertEquals("time(6)", column(six, "shift", c).type(), c);
            assertEquals("time(0)", column(seven, "shift", c).type(), c);
        }
        assertEquals("timestamp(6)", column(seven, "shift", "at").type());
    }

    @Test
    void fractionalSecondsWrittenOnTheAttributeWinOnBothVersions() {
        String body = "@Entity public class Shift { @Id Long id;"
                + " @org.hibernate.annotations.FractionalSeconds(3) Instant at;"
                + " @org.hibernate.annotations.FractionalSeconds(6) LocalTime starts;"
                + " @Column(secondPrecision = 6) LocalTime ends; @Column(secondPrecision = 2) LocalDateTime local; }";
        ProjectState six = new ScanFixture(dir.resolve("six")).entity("Shift", body).scan();
        ProjectState seven = new ScanFixture(dir.resolve("seven")).hibernate("7").entity("Shift", body).scan();
        for (ProjectState state : List.of(six, seven)) {
            assertEquals("timestamp(3) with time zone", column(state, "shift", "at").type());
            assertEquals("time(6)", column(state, "shift", "starts").type());
            assertEquals("time(6)", column(state, "shift", "ends").type());
            assertEquals("timestamp(2)", column(state, "shift", "local").type());
        }
    }

    @Test
    void basicPrimitivesAreNotNullOnHibernate7() {
        String body = "@Entity public class Counter { @Id Long id; @Basic long reads; @Basic Long boxed; @Column int explicit; }";
        ProjectState six = new ScanFixture(dir.resolve("six")).entity("Counter", body).scan();
        ProjectState seven = new ScanFixture(dir.resolve("seven")).hibernate("7").entity("Counter", body).scan();
        assertEquals(false, column(six, "counter", "reads").notNull());
        assertEquals(true, column(seven, "counter", "reads").notNull());
        assertEquals(false, column(seven, "counter", "boxed").notNull());
        assertEquals(false, column(seven, "counter", "explicit").notNull());
    }

    @Test
    void aThreePartSequenceNameIsCatalogSchemaNameOnHibernate7() {
        String body = "@Entity public class Meeting { @Id @GeneratedValue(generator = \"g\")"
                + " @SequenceGenerator(name = \"g\", sequenceName = \"cal.crm.meeting_ids\") Long id; }";
        ProjectState six = new ScanFixture(dir.resolve("six")).entity("Meeting", body).scan();
        ProjectState seven = new ScanFixture(dir.resolve("seven")).hibernate("7").entity("Meeting", body).scan();
        assertEquals(List.of("cal.meeting_ids"), six.sequences().stream().map(s -> s.name()).toList());
        assertEquals(List.of("crm.meeting_ids"), seven.sequences().stream().map(s -> s.name()).toList());
    }

    @Test
    void springNamingKeepsQuotedNamesAndSplitsAfterDigitsOnHibernate7() {
        String body = "@Entity @Table(name = \"`Owner`\") public class Owner { @Id Long id;"
                + " @Column(name = \"\\\"DisplayName\\\"\") String displayName; String line2Text;"
                + " @ElementCollection List<String> nicknames; }";
        ProjectState six = new ScanFixture(dir.resolve("six")).entity("Owner", body).scan();
        ProjectState seven = new ScanFixture(dir.resolve("seven")).hibernate("7").entity("Owner", body).scan();
        assertEquals("owner", table(six, "owner").name());
        assertTrue(table(six, "owner").findColumn("display_name").isPresent());
        assertTrue(table(six, "owner").findColumn("line2text").isPresent());
        assertEquals("Owner", table(seven, "owner").name());
        assertTrue(table(seven, "owner").findColumn("DisplayName").isPresent());
        assertTrue(table(seven, "owner").findColumn("line2_text").isPresent());
        // the names built from the quoted table name stay as built
        assertTrue(seven.tables().stream().anyMatch(t -> t.name().equals("Owner_nicknames")
                && t.findColumn("Owner_id").isPresent()), seven.tables().toString());
    }

    @Test
    void aGenericAttributeLeftToEntitySubclassesIsRefusedOnHibernate7() {
        ScanFixture fixture = new ScanFixture(dir).hibernate("7")
                .entity("Setting", "@Entity public abstract class Setting<V extends java.io.Serializable> { @Id Long id; V value; }")
                .entity("Flag", "@Entity public class Flag extends Setting<Boolean> { }");
        List<String> problems = fixture.problems();
        assertTrue(problems.get(0).contains("Setting.java") && problems.get(0).contains("Hibernate 7 refuses to start"),
                problems.toString());
    }

    /** SEQUENCE naming a @GenericGenerator: 6.6 maps its sequence, 7 refuses to start, and keel on 7 says so. */
    @Test
    void sequenceStrategyNamingAGenericGeneratorIsRefusedOnHibernate7Only() {
        String valve = "@Entity public class Valve { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"valve_ids\")"
                + " @org.hibernate.annotations.GenericGenerator(name = \"valve_ids\","
                + " type = org.hibernate.id.enhanced.SequenceStyleGenerator.class) Long id; }";
        ProjectState six = new ScanFixture(dir.resolve("six-gen")).entity("Valve", valve).scan();
        assertEquals(List.of("valve_ids"), six.sequences().stream().map(s -> s.name()).toList());
        List<String> seven = new ScanFixture(dir.resolve("seven-gen")).hibernate("7").entity("Valve", valve).problems();
        assertEquals(1, seven.size(), seven.toString());
        assertTrue(seven.get(0).contains("@GeneratedValue(strategy = SEQUENCE) names \"valve_ids\", a @GenericGenerator:"
                + " Hibernate 7 refuses to start"), seven.get(0));
    }
}
