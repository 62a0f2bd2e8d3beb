package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.columns;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One column mapped twice within an entity: read-only copies (defined by the mapping Hibernate binds
 * first), fields hiding a superclass's, one-to-ones through the primary key, and the duplicates Hibernate
 * refuses.
 */
class DuplicateColumnTest {
    @TempDir
    Path dir;

    @Test
    void aReadOnlyCopyOfABasicColumnIsBoundInNameOrder() {
        ProjectState s = new ScanFixture(dir).entity("Item", """
                @Entity public class Item { @Id Long id;
                  @Column(name = "x", length = 10) String zeta;
                  @Column(name = "x", insertable = false, updatable = false, length = 20) String alpha;
                  @Enumerated(EnumType.STRING) @Column(length = 12) Status status;
                  @Column(name = "status", insertable = false, updatable = false) String statusCode;
                  public enum Status { OPEN, SHUT }
                }""").scan();
        assertEquals(List.of("id", "status", "x"), columns(s, "item"));
        assertEquals("varchar(20)", column(s, "item", "x").type(), "alpha is bound before zeta");
        assertEquals("varchar(12)", column(s, "item", "status").type());
        assertEquals(List.of("status in ('OPEN','SHUT')"), table(s, "item").checks().stream().map(c -> c.expression()).toList());
    }

    @Test
    void aBasicColumnDefinesTheColumnOfAToOneOnIt() {
        ProjectState s = new ScanFixture(dir)
                .entity("Owner", "@Entity public class Owner { @Id Long id; }")
                .entity("Pet", """
                        @Entity public class Pet { @Id Long id;
                          @ManyToOne(optional = false) @JoinColumn(name = "owner_id") Owner aOwner;
                          @Column(name = "owner_id", insertable = false, updatable = false) Long zOwnerId;
                          @Column(name = "keeper_id", nullable = false) Long aKeeperId;
                          @ManyToOne @JoinColumn(name = "keeper_id", insertable = false, updatable = false) Owner zKeeper;
                          @Column(name = "vet_id", insertable = false, updatable = false) Integer vetId;
                          @OneToOne @JoinColumn(name = "vet_id") Owner vet;
                        }""").scan();
        assertFalse(column(s, "pet", "owner_id").notNull(), "the read-only basic is bound before the to-one");
        assertTrue(column(s, "pet", "keeper_id").notNull());
        assertEquals("integer", column(s, "pet", "vet_id").type());
        assertEquals(List.of(), table(s, "pet").uniques(), "the one-to-one's unique belonged to its own mapping");
        assertEquals(List.of("keeper_id", "owner_id", "vet_id"),
                table(s, "pet").foreignKeys().stream().map(f -> f.columns().get(0)).sorted().toList());
    }

    @Test
    void aReadOnlyCopyOfTheDiscriminator() {
        ProjectState s = new ScanFixture(dir)
                .entity("Payment", """
                        @Entity @DiscriminatorColumn(name = "kind", length = 20) public abstract class Payment { @Id Long id;
                          @Enumerated(EnumType.STRING) @Column(name = "kind", insertable = false, updatable = false) Kind kind;
                          public enum Kind { CARD, CASH } }""")
                .entity("CardPayment", "@Entity public class CardPayment extends Payment { String last4; }")
                .scan();
        assertEquals("varchar(20)", column(s, "payment", "kind").type());
        assertTrue(column(s, "payment", "kind").notNull());
        assertEquals(List.of(), table(s, "payment").checks(), "the discriminator is bound before the enum");
    }

    @Test
    void siblingSubclassesShareAColumnAsTheFirstBoundDefinesIt() {
        ProjectState s = new ScanFixture(dir)
                .entity("Vehicle", "@Entity public class Vehicle { @Id Long id; }")
                .entity("Car", "@Entity public class Car extends Vehicle { @Column(name = \"seats\") Integer seats; }")
                .entity("Bus", "@Entity public class Bus extends Vehicle { @Column(name = \"seats\") Long seatCount; }")
                .scan();
        assertEquals("bigint", column(s, "vehicle", "seats").type(), "Bus is bound before Car");
    }

    @Test
    void aFieldHidingASuperclassFieldMapsNothing() {
        ProjectState s = new ScanFixture(dir)
                .entity("Base", "@MappedSuperclass public abstract class Base { @Id Long id; @Column(length = 50) String code; int rank; }")
                .entity("Thing", "@Entity public class Thing extends Base { @Column(name = \"thing_code\", length = 70) String code; Integer rank; }")
                .entity("Animal", "@Entity @Inheritance(strategy = InheritanceType.JOINED) public class Animal { @Id Long id; @Column(length = 10) String name; }")
                .entity("Dog", "@Entity public class Dog extends Animal { @Column(length = 20) String name; }")
                .scan();
        assertEquals(List.of("rank", "id", "code"), columns(s, "thing"));
        assertEquals("varchar(50)", column(s, "thing", "code").type());
        assertTrue(column(s, "thing", "rank").notNull(), "Base's int, not Thing's Integer");
        assertEquals(List.of("id"), columns(s, "dog"));
    }

    @Test
    void aOneToOneThroughThePrimaryKeyHasNoColumnOfItsOwn() {
        ProjectState s = new ScanFixture(dir)
                .entity("Person", "@Entity public class Person { @Id Long id; }")
                .entity("Profile", """
                        @Entity public class Profile { @Id Long id;
                          @OneToOne @JoinColumn(name = "id", insertable = false, updatable = false) Person person; String bio; }""")
                .entity("Passport", "@Entity public class Passport { @Id Long id; @OneToOne(optional = false) @PrimaryKeyJoinColumn Person person; }")
                .scan();
        assertEquals(List.of("id", "bio"), columns(s, "profile"));
        assertEquals(List.of(), table(s, "profile").foreignKeys(), "an optional one-to-one on the key has no foreign key");
        assertEquals(List.of(), table(s, "profile").uniques());
        assertEquals(List.of("id"), columns(s, "passport"));
        assertEquals(List.of(List.of("id")), table(s, "passport").foreignKeys().stream().map(f -> f.columns()).toList());
    }

    @Test
    void aColumnOneEntityWritesTwiceIsRefusedWithBothFields() {
        List<String> problems = new ScanFixture(dir)
                .entity("Owner", "@Entity public class Owner { @Id Long id; }")
                .entity("Pet", """
                        @Entity public class Pet { @Id Long id;
                          @ManyToOne @JoinColumn(name = "owner_id") Owner owner;
                          @Column(name = "owner_id", insertable = false) Long ownerId;
                        }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Pet.java:") && problems.get(0).contains("column owner_id of table pet is written twice "
                + "by entity Pet: by field owner and by field ownerId"), problems.get(0));
    }

    @Test
    void aSubclassWritingItsParentsColumnOrTheDiscriminatorIsRefused() {
        List<String> problems = new ScanFixture(dir)
                .entity("Vehicle", "@Entity public class Vehicle { @Id Long id; String plate; }")
                .entity("Car", "@Entity public class Car extends Vehicle { @Column(name = \"plate\") String registration; }")
                .entity("Bus", "@Entity public class Bus extends Vehicle { @Column(name = \"dtype\") String kind; }")
                .problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Bus.java:") && problems.get(0).contains("by the discriminator column and by field kind"),
                problems.get(0));
        assertTrue(problems.get(1).contains("Car.java:") && problems.get(1).contains("by field plate and by field registration"),
                problems.get(1));
    }
}
