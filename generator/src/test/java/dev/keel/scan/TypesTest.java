package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Enums, @Lob, @Temporal, converters and @JdbcTypeCode. */
class TypesTest {
    @TempDir
    Path dir;

    @Test
    void enumsAreSmallintOrVarcharWithHibernatesChecks() {
        ProjectState s = new ScanFixture(dir)
                .entity("Color", "public enum Color { RED, GREEN, BLUE }")
                .entity("Item", """
                        @Entity public class Item { @Id Long id;
                          Color byDefault;
                          @Enumerated(EnumType.STRING) Color named;
                          @Enumerated(EnumType.STRING) @Column(length = 8) Color shortNamed;
                          DayOfWeek day; }""").scan();
        assertEquals("smallint", column(s, "item", "by_default").type());
        assertEquals("varchar(255)", column(s, "item", "named").type());
        assertEquals("varchar(8)", column(s, "item", "short_named").type());
        assertEquals(List.of("by_default between 0 and 2", "day between 0 and 6", "named in ('RED','GREEN','BLUE')",
                        "short_named in ('RED','GREEN','BLUE')"),
                table(s, "item").checks().stream().map(c -> c.expression()).sorted().toList());
    }

    @Test
    void lobsAreOidsAndTemporalPicksTheType() {
        ProjectState s = new ScanFixture(dir).entity("Item", """
                @Entity public class Item { @Id Long id;
                  @Lob String text; @Lob byte[] data;
                  @Temporal(TemporalType.DATE) Date day; @Temporal(TemporalType.TIME) Date time; Date stamp; }""").scan();
        assertEquals("oid", column(s, "item", "text").type());
        assertEquals("oid", column(s, "item", "data").type());
        assertEquals("date", column(s, "item", "day").type());
        assertEquals("time(6)", column(s, "item", "time").type());
        assertEquals("timestamp(6)", column(s, "item", "stamp").type());
    }

    @Test
    void aLobThroughAConverterIsAnOidWhenTheConverterStoresTextOrBytes() {
        ProjectState s = new ScanFixture(dir)
                .entity("Note", "public record Note(String text) {}")
                .entity("NoteText", """
                        @Converter public class NoteText implements AttributeConverter<Note, String> {
                          public String convertToDatabaseColumn(Note n) { return n.text(); }
                          public Note convertToEntityAttribute(String s) { return new Note(s); } }""")
                .entity("NoteBytes", """
                        @Converter public class NoteBytes implements AttributeConverter<Note, byte[]> {
                          public byte[] convertToDatabaseColumn(Note n) { return n.text().getBytes(); }
                          public Note convertToEntityAttribute(byte[] b) { return new Note(new String(b)); } }""")
                .entity("NoteSize", """
                        @Converter public class NoteSize implements AttributeConverter<Note, Integer> {
                          public Integer convertToDatabaseColumn(Note n) { return n.text().length(); }
                          public Note convertToEntityAttribute(Integer i) { return new Note("" + i); } }""")
                .entity("Item", """
                        @Entity public class Item { @Id Long id;
                          @Lob @Convert(converter = NoteText.class) Note text;
                          @Lob @Convert(converter = NoteBytes.class) Note bytes;
                          @Lob @Convert(converter = NoteSize.class) Note size;
                          @Lob @Convert(converter = NoteText.class) @Column(columnDefinition = "text") Note defined;
                          @Convert(converter = NoteText.class) Note plain; }""").scan();
        assertEquals("oid", column(s, "item", "text").type());
        assertEquals("oid", column(s, "item", "bytes").type());
        assertEquals("integer", column(s, "item", "size").type());
        assertEquals("text", column(s, "item", "defined").type());
        assertEquals("varchar(255)", column(s, "item", "plain").type());
        // a LOB is ordered with the large columns, a columnDefinition keeping the LOB's place
        assertEquals(List.of("size", "id", "plain", "bytes", "defined", "text"),
                table(s, "item").columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void convertersGiveTheirDatabaseTypeExplicitlyOrAutoApplied() {
        ProjectState s = new ScanFixture(dir)
                .entity("Money", "public record Money(long cents) {}")
                .entity("Code", "public record Code(String value) {}")
                .entity("MoneyConverter", """
                        @Converter(autoApply = true)
                        public class MoneyConverter implements AttributeConverter<Money, Long> {
                          public Long convertToDatabaseColumn(Money m) { return m.cents(); }
                          public Money convertToEntityAttribute(Long l) { return new Money(l); } }""")
                .entity("CodeConverter", """
                        @Converter public class CodeConverter implements AttributeConverter<Code, String> {
                          public String convertToDatabaseColumn(Code c) { return c.value(); }
                          public Code convertToEntityAttribute(String s) { return new Code(s); } }""")
                .entity("Item", """
                        @Entity public class Item { @Id Long id; Money price;
                          @Convert(converter = CodeConverter.class) @Column(length = 12) Code code; }""").scan();
        assertEquals("bigint", column(s, "item", "price").type());
        assertEquals("varchar(12)", column(s, "item", "code").type());
    }

    @Test
    void jdbcTypeCodeChoosesTheSqlType() {
        ProjectState s = new ScanFixture(dir).file("app/Item.java", """
                package app;
                import jakarta.persistence.*;
                import org.hibernate.annotations.JdbcTypeCode;
                import org.hibernate.type.SqlTypes;
                import java.util.Map;
                @Entity public class Item { @Id Long id;
                  @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> data;
                  @JdbcTypeCode(SqlTypes.LONG32VARCHAR) String essay; }""").scan();
        assertEquals("jsonb", column(s, "item", "data").type());
        assertEquals("text", column(s, "item", "essay").type());
    }
}
