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
    private static final Map<String, String> LIBRARY = Map.of(
            "base/BaseEntity.java", """
                    package base;
                    import jakarta.persistence.*;
                    @MappedSuperclass
                    public abstract class BaseEntity<PK extends java.io.Serializable> {
                        public static final int CODE_LENGTH = 12;
                        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "base_seq")
                        @SequenceGenerator(name = "base_seq", sequenceName = "base_seq", allocationSize = 5)
                        private PK id;
                        @Version private long version;
                        @Column(name = "code", length = CODE_LENGTH, nullable = false, unique = true) private String code;
                        private transient String scratch;
                        public PK getId() { return id; }
                    }""",
            "base/CreatedOn.java", """
                    package base;
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface CreatedOn { String zone() default "UTC"; char mark() default 'x'; double[] weights() default {}; Class<?> by() default Object.class; }""",
            "base/Auditable.java", """
                    package base;
                    import jakarta.persistence.*;
                    @MappedSuperclass
                    public abstract class Auditable<U, PK extends java.io.Serializable> extends BaseEntity<PK> {
                        @ManyToOne @JoinColumn(name = "created_by") private U createdBy;
                        @Temporal(TemporalType.TIMESTAMP) @CreatedOn(zone = "Europe/Paris", mark = '\\'', weights = {1.5, 2}, by = String.class)
                        private java.util.Date createdDate;
                        @Enumerated(EnumType.STRING) @Column(length = 16) private java.time.DayOfWeek day;
                        @Embedded @AttributeOverrides({@AttributeOverride(name = "city", column = @Column(name = "origin_city", length = 40)),
                            @AttributeOverride(name = "street", column = @Column(name = "origin_street")), @AttributeOverride(name = "zip", column = @Column(name = "origin_zip"))})
                        private Address origin;
                    }""",
            "base/Address.java", """
                    package base;
                    import jakarta.persistence.*;
                    @Embeddable
                    public class Address {
                        @Column(length = 80, nullable = false) private String street;
                        @Column(length = 30) private String city;
                        private Integer zip;
                    }""");

    private static final String PERSON = """
            @Entity public class Person extends base.BaseEntity<Long> {
                String name;
            }""";

    private static final String ORDER = """
            import base.*;
            @Entity @Table(name = "orders")
            @AttributeOverride(name = "code", column = @Column(name = "order_code", length = 20))
            public class Order extends Auditable<Person, Integer> {
                @Embedded @AttributeOverride(name = "street", column = @Column(name = "ship_street", nullable = true))
                Address shipTo;
                BigDecimal total;
            }""";

    @Test
    void libraryMappedSuperclassesAndEmbeddablesMapAsTheirSourcesWould() {
        SampleLibraries.compileJar(LIBRARY, dir.resolve("lib-src"), dir.resolve("project/lib/base.jar"));
        ProjectState fromJar = new ScanFixture(dir.resolve("project")).libraries("lib/base.jar")
                .entity("Person", PERSON).entity("Order", ORDER).scan();
        var inSources = new ScanFixture(dir.resolve("sources"));
        LIBRARY.forEach(inSources::file);
        ProjectState fromSources = inSources.entity("Person", PERSON).entity("Order", ORDER).scan();
        assertEquals(fromSources, fromJar);

        assertEquals("bigint", column(fromJar, "person", "id").type());
        assertEquals("varchar(12)", column(fromJar, "person", "code").type());
        assertTrue(column(fromJar, "person", "code").notNull());
        assertEquals("integer", column(fromJar, "order", "id").type());
        assertEquals("varchar(20)", column(fromJar, "order", "order_code").type());
        assertEquals("bigint", column(fromJar, "order", "created_by").type());
        assertEquals("timestamp(6)", column(fromJar, "order", "created_date").type());
        assertEquals("varchar(40)", column(fromJar, "order", "origin_city").type());
        assertEquals("varchar(255)", column(fromJar, "order", "ship_street").type());
        assertFalse(column(fromJar, "order", "ship_street").notNull());
        assertTrue(table(fromJar, "order").columns().stream().noneMatch(c -> c.name().equals("scratch")));
    }

    @Test
    void aLibraryClassThatIsNeitherMappedSuperclassNorEmbeddableMapsNothingAndIsNoProblem() {
        SampleLibraries.compileJar(Map.of("plain/Base.java", """
                package plain;
                public abstract class Base { protected String ignored; }"""), dir.resolve("plain-src"), dir.resolve("plain/lib/plain.jar"));
        ProjectState s = new ScanFixture(dir.resolve("plain")).libraries("lib/plain.jar").entity("Thing", """
                @Entity public class Thing extends plain.Base {
                    @Id Long id;
                }""").scan();
        assertEquals(List.of("id"), table(s, "thing").columns().stream().map(c -> c.name()).toList());
    }
    @Test
    void theCachedScanFollowsAnEditedEntityAndARebuiltJar() throws Exception {
        SampleLibraries.compileJar(LIBRARY, dir.resolve("lib-src"), dir.resolve("cached/lib/base.jar"));
        Path project = dir.resolve("cached");
        new ScanFixture(project).libraries("lib/base.jar").entity("Person", PERSON).entity("Order", ORDER).scan();
        dev.keel.config.KeelConfig config = dev.keel.config.KeelConfig.read(project);
        var cache = dev.keel.cache.ProjectCache.of(project, config, EntityScanner.class);
        ProjectState first = ScanCache.scanWithHints(project, config, cache).state();
        assertEquals(EntityScanner.scan(project, config), first);

        // one entity edited: the cached mapping of the other, and of the jar's classes, still answers right
        Path person = project.resolve("src/app/Person.java");
        java.nio.file.Files.writeString(person, java.nio.file.Files.readString(person).replace("String name;", "String name; String nick;"));
        ProjectState edited = ScanCache.scanWithHints(project, config, cache).state();
        assertEquals(EntityScanner.scan(project, config), edited);
        assertEquals("varchar(255)", column(edited, "person", "nick").type());

        // the jar rebuilt with one more column in its mapped superclass: a new answer, the sources unchanged
        var changed = new java.util.HashMap<>(LIBRARY);
        changed.put("base/BaseEntity.java", LIBRARY.get("base/BaseEntity.java").replace("private transient String scratch;",
                "private transient String scratch; private java.time.LocalDate since;"));
        SampleLibraries.compileJar(changed, dir.resolve("lib-src-2"), project.resolve("lib/base.jar"));
        ProjectState rebuilt = ScanCache.scanWithHints(project, config, cache).state();
        assertEquals("date", column(rebuilt, "person", "since").type());
        assertEquals("date", column(rebuilt, "order", "since").type());
        assertEquals(EntityScanner.scan(project, config), rebuilt);
    }

    @Test
    void aPropertyAccessMemberClassFromTheJarMapsItsGetters() {
        SampleLibraries.compileJar(Map.of("base/Bases.java", BASES), dir.resolve("prop-src"), dir.resolve("prop/lib/bases.jar"));
        ProjectState s = new ScanFixture(dir.resolve("prop")).libraries("lib/bases.jar").entity("Tag", TAG).scan();
        ProjectState inSources = new ScanFixture(dir.resolve("prop-sources")).file("base/Bases.java", BASES).entity("Tag", TAG).scan();
        assertEquals(inSources, s);
        assertEquals(List.of("pk", "label", "color"), table(s, "tag").columns().stream().map(c -> c.name()).toList());
        assertEquals("varchar(33)", column(s, "tag", "label").type());
        assertTrue(column(s, "tag", "label").notNull());
        assertEquals(List.of("pk"), table(s, "tag").primaryKey().columns());
    }

    private static final String TAG = """
                import base.Bases;
                @Entity public class Tag extends Bases.Keyed {
                    private String color;
                    public String getColor() { return color; }
                    public void setColor(String color) { this.color = color; }
                }""";

    private static final String BASES = """
                package base;
                import jakarta.persistence.*;
                public class Bases {
                    @MappedSuperclass
                    public abstract static class Keyed {
                        private Long key;
                        private String label;
                        @Id @Column(name = "pk") public Long getKey() { return key; }
                        public void setKey(Long key) { this.key = key; }
                        @Column(length = 33, nullable = false) public String getLabel() { return label; }
                        public void setLabel(String label) { this.label = label; }
                        @Transient public boolean isNew() { return key == null; }
                    }
                }""";
}
