package dev.keel.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate annotations that change the schema in a way keel does not map are refused where they are written, never
 * silently left out; those that map no column map none (oracle sample {@code realworld8}).
 */
class UnmappedAnnotationsTest {
    @TempDir
    Path dir;

    private static final String TARGET = """
            @Entity public class Part {
                @Id Long id;
                String code;
            }""";

    @Test
    void aToOneJoinedByAFormulaMapsNoColumn() {
        var state = new ScanFixture(dir.resolve("formula")).entity("Part", TARGET).entity("Holder", """
                @Entity public class Holder {
                    @Id Long id;
                    String code;
                    @ManyToOne @org.hibernate.annotations.JoinFormula("(select p.id from part p where p.code = code)") Part first;
                    @ManyToOne @org.hibernate.annotations.JoinColumnOrFormula(formula = @org.hibernate.annotations.JoinFormula(
                            value = "upper(code)", referencedColumnName = "code")) Part upper;
                }""").scan();
        assertEquals(List.of("code", "id"), ScanFixture.columns(state, "Holder").stream().sorted().toList());
        assertTrue(ScanFixture.table(state, "Holder").foreignKeys().isEmpty());
    }

    @Test
    void parentMapsNoColumn() {
        var state = new ScanFixture(dir.resolve("parent")).entity("Spot", """
                @Embeddable public class Spot {
                    Double lat;
                    @org.hibernate.annotations.Parent Holder holder;
                }""").entity("Holder", """
                @Entity public class Holder {
                    @Id Long id;
                    Spot spot;
                }""").scan();
        assertEquals(List.of("id", "lat"), ScanFixture.columns(state, "Holder").stream().sorted().toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@org.hibernate.annotations.Any @JoinColumn(name = \"part_id\") Object thing;|@Any on field thing: Hibernate maps a discriminator column",
            "@org.hibernate.annotations.ManyToAny @JoinTable(name = \"things\") List<Object> things;|@ManyToAny on field things: Hibernate maps a join table",
            "@ManyToMany @org.hibernate.annotations.CollectionId(column = @Column(name = \"row_id\"), generator = \"increment\") List<Part> parts;|@CollectionId on field parts: Hibernate adds a NOT NULL id column",
            "@org.hibernate.annotations.Collate(\"C\") String name;|@Collate on field name: Hibernate writes the column's type followed by the collation",
            "@org.hibernate.annotations.JavaType(org.hibernate.type.descriptor.java.StringJavaType.class) String name;|@JavaType on field name: Hibernate types the column by what the JavaType class recommends",
            "@org.hibernate.annotations.Columns(columns = {@Column(name = \"a\"), @Column(name = \"b\")}) String name;|@Columns on field name: Hibernate maps the value to the several columns",
            "@ElementCollection @OrderColumn @org.hibernate.annotations.ListIndexJdbcTypeCode(java.sql.Types.SMALLINT) List<String> tags;|@ListIndexJdbcTypeCode on field tags: Hibernate types the order column by it",
            "@ElementCollection @org.hibernate.annotations.MapKeyJavaType(org.hibernate.type.descriptor.java.StringJavaType.class) Map<String, String> labels;|@MapKeyJavaType on field labels: Hibernate types the map key column by a JavaType class",
            "@ManyToOne @org.hibernate.annotations.JoinColumnOrFormula(column = @JoinColumn(name = \"part_code\", referencedColumnName = \"code\")) Part part;|@JoinColumnOrFormula with a column on field part",
    })
    void anAnnotationKeelDoesNotMapIsRefusedWhereItIsWritten(String field, String expected) {
        List<String> problems = new ScanFixture(dir.resolve("refused")).entity("Part", TARGET).entity("Holder", """
                @Entity public class Holder {
                    @Id Long id;
                    %s
                }""".formatted(field)).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Holder.java:13: " + expected), problems.get(0));
    }

    @Test
    void aJavaTypeWithTheColumnsTypeWrittenIsMapped() {
        var state = new ScanFixture(dir.resolve("javatype")).entity("Holder", """
                @Entity public class Holder {
                    @Id Long id;
                    @org.hibernate.annotations.JavaType(org.hibernate.type.descriptor.java.StringJavaType.class)
                    @Column(columnDefinition = "text") String name;
                }""").scan();
        assertEquals("text", ScanFixture.column(state, "Holder", "name").type());
    }

    @Test
    void anEmbeddableMarkedStructIsRefused() {
        List<String> problems = new ScanFixture(dir.resolve("struct")).entity("Spot", """
                @Embeddable @org.hibernate.annotations.Struct(name = "spot_type") public class Spot {
                    Double lat;
                }""").entity("Holder", """
                @Entity public class Holder {
                    @Id Long id;
                    Spot spot;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Holder.java:13: field spot has type app.Spot, which is marked @Struct"), problems.get(0));
    }

    @Test
    void aViewEntityIsRefused() {
        List<String> problems = new ScanFixture(dir.resolve("view")).entity("Totals", """
                @Entity @org.hibernate.annotations.View(query = "select 1 as id")
                public class Totals {
                    @Id Long id;
                }""").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Totals.java:11: @View on entity Totals: Hibernate creates a view"), problems.get(0));
    }

    @Test
    void anOrderColumnOnAMapIsIgnoredOnSixAndRefusedOnSeven() {
        String harbour = """
                @Entity public class Harbour {
                    @Id Long id;
                    @ElementCollection @MapKeyColumn(name = "lang") @OrderColumn(name = "pos") Map<String, String> names;
                }""";
        var state = new ScanFixture(dir.resolve("six")).entity("Harbour", harbour).scan();
        assertEquals(List.of("harbour_id", "lang", "names"), state.tables().stream().filter(t -> t.name().equals("harbour_names"))
                .findFirst().orElseThrow().columns().stream().map(c -> c.name()).sorted().toList());
        List<String> problems = new ScanFixture(dir.resolve("seven")).hibernate("7").entity("Harbour", harbour).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Harbour.java:13: @OrderColumn on field names of type java.util.Map: Hibernate 7 refuses"),
                problems.get(0));
    }

    @Test
    void aPartitionKeyChangesNoDdlOnSixAndIsRefusedOnSeven() {
        String boat = """
                @Entity public class Boat {
                    @Id Long id;
                    @org.hibernate.annotations.PartitionKey String region;
                }""";
        var state = new ScanFixture(dir.resolve("six")).entity("Boat", boat).scan();
        assertEquals(List.of("id"), ScanFixture.table(state, "Boat").primaryKey().columns());
        List<String> problems = new ScanFixture(dir.resolve("seven")).hibernate("7").entity("Boat", boat).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Boat.java:13: @PartitionKey on field region: Hibernate 7 adds its column"), problems.get(0));
    }
}
