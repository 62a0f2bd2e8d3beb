package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.columns;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mappings Hibernate accepts without the annotation JPA would ask for: several {@code @Id} without an
 * {@code @IdClass} (the entity is its own id class), an {@code @EmbeddedId} or {@code @Embedded} class without
 * {@code @Embeddable}; and one error for one cause (a column that failed is not reported again where a
 * constraint names it).
 */
class ImplicitShapesTest {
    @TempDir
    Path dir;

    @Test
    void severalIdsWithoutIdClassMakeACompositeKey() {
        ProjectState s = new ScanFixture(dir).file("app/Slot.java", """
                package app;
                import jakarta.persistence.*;
                @Entity public class Slot implements java.io.Serializable {
                  @Id String quay;
                  @Id Integer number;
                  String label;
                }""").scan();
        assertEquals(List.of("number", "label", "quay"), columns(s, "slot"));
        assertEquals(List.of("number", "quay"), table(s, "slot").primaryKey().columns());
        assertTrue(table(s, "slot").findColumn("quay").orElseThrow().notNull());
    }

    @Test
    void anEmbeddedIdOrEmbeddedClassNeedsNoEmbeddable() {
        ProjectState s = new ScanFixture(dir).file("app/Berth.java", """
                package app;
                import jakarta.persistence.*;
                @Entity public class Berth {
                  @EmbeddedId Key key;
                  @Embedded Size size;
                  public static class Key implements java.io.Serializable { String harbour; int ring; }
                  public static class Size { Double width; Double depth; }
                }""").scan();
        assertEquals(List.of("depth", "ring", "width", "harbour"), columns(s, "berth"));
        assertEquals(List.of("ring", "harbour"), table(s, "berth").primaryKey().columns());
    }

    @Test
    void anEntityCannotBeEmbedded() {
        List<String> problems = new ScanFixture(dir)
                .file("app/Owner.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Owner { @Id Long id; }""")
                .file("app/Boat.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Boat { @Id Long id; @Embedded Owner owner; }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("field owner embeds app.Owner, which is an @Entity"), problems.get(0));
    }

    @Test
    void aColumnThatFailedIsReportedOnceNotAgainWhereAConstraintNamesIt() {
        List<String> problems = new ScanFixture(dir).file("app/Ticket.java", """
                package app;
                import jakarta.persistence.*;
                import com.acme.Limits;
                @Entity
                @Table(uniqueConstraints = @UniqueConstraint(columnNames = {"code", "serial"}),
                       indexes = @Index(columnList = "code"))
                public class Ticket {
                  @Id Long id;
                  @Column(name = "code", length = Limits.CODE + 1) String code;
                  String serial;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Ticket.java:9:"), problems.get(0));
    }

    @Test
    void aConstraintNamingAMissingColumnIsStillReported() {
        List<String> problems = new ScanFixture(dir).file("app/Pass.java", """
                package app;
                import jakarta.persistence.*;
                @Entity @Table(uniqueConstraints = @UniqueConstraint(columnNames = "serial_no"))
                public class Pass { @Id Long id; String serial; }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("has no column serial_no"), problems.get(0));
    }

    @Test
    void aUniqueConstraintOverTheKeysColumnsIsDroppedAndOrdersAndNamesTheKey() {
        ProjectState s = new ScanFixture(dir).file("app/Mast.java", """
                package app;
                import jakarta.persistence.*;
                import java.util.Map;
                @Entity @Table(uniqueConstraints = {@UniqueConstraint(name = "uk_mast_key", columnNames = {"yard", "code"}),
                                                    @UniqueConstraint(columnNames = {"yard", "flag"})})
                public class Mast implements java.io.Serializable {
                  @Id String code;
                  @Id String yard;
                  String flag;
                  @ElementCollection @MapKeyColumn(name = "setting")
                  @CollectionTable(name = "mast_setting", joinColumns = {@JoinColumn(name = "m_code"), @JoinColumn(name = "m_yard")},
                      uniqueConstraints = @UniqueConstraint(columnNames = {"m_yard", "setting", "m_code"}))
                  Map<String, String> settings;
                }""").scan();
        var mast = table(s, "mast");
        assertEquals(List.of("yard", "code"), mast.primaryKey().columns());
        assertEquals("uk_mast_key", mast.primaryKey().name());
        assertEquals(List.of(List.of("yard", "flag")), mast.uniques().stream().map(u -> u.columns()).toList());
        var setting = s.tables().stream().filter(t -> t.name().equals("mast_setting")).findFirst().orElseThrow();
        assertEquals(List.of("m_yard", "setting", "m_code"), setting.primaryKey().columns());
        assertEquals("mast_setting_pkey", setting.primaryKey().name());
        assertEquals(List.of(), setting.uniques());
        assertEquals(List.of("m_yard", "m_code"), setting.foreignKeys().get(0).columns());
        assertEquals(List.of("yard", "code"), setting.foreignKeys().get(0).targetColumns());
    }

    @Test
    void aGeneratedPartOfACompositeKeyHasItsSequence() {
        ProjectState s = new ScanFixture(dir)
                .file("app/Trip.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Trip implements java.io.Serializable {
                          @Id @SequenceGenerator(name = "trip_ids", sequenceName = "trip_seq", allocationSize = 5)
                          @GeneratedValue(generator = "trip_ids") Long number;
                          @Id String vessel;
                        }""")
                .file("app/Crate.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Crate {
                          @EmbeddedId Key key;
                          @Embeddable public static class Key implements java.io.Serializable {
                            @SequenceGenerator(name = "crate_ids", sequenceName = "crate_seq", initialValue = 1000)
                            @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crate_ids") Long serial;
                            Integer hold;
                          }
                        }""").scan();
        assertEquals(List.of("crate_seq start 1000 increment 50", "trip_seq start 1 increment 5"),
                s.sequences().stream().map(q -> q.name() + " start " + q.start() + " increment " + q.increment()).sorted().toList());
    }

    @Test
    void aPartOfACompositeKeyFromACustomGeneratorOrAnIdentityIsRefused() {
        List<String> problems = new ScanFixture(dir).file("app/Leg.java", """
                package app;
                import jakarta.persistence.*;
                import org.hibernate.annotations.GenericGenerator;
                @Entity public class Leg implements java.io.Serializable {
                  @Id @GenericGenerator(name = "leg_ids", type = com.acme.LegIds.class) @GeneratedValue(generator = "leg_ids") Long number;
                  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long step;
                  @Id String vessel;
                }""").problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("generator \"leg_ids\" is a @GenericGenerator"), problems.get(0));
        assertTrue(problems.get(1).contains("@GeneratedValue(IDENTITY) on step of type java.lang.Long, a part of the composite key"
                + " of Leg, is not supported"), problems.get(1));
    }
}
