package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Constant expressions in annotations, evaluated as javac does: the JDK's and Hibernate's constants (no class path
 * needed), int and long arithmetic with Java's wrapping, shifts, casts, parentheses and string concatenation.
 */
class ConstantExpressionsTest {
    @TempDir
    Path dir;

    @Test
    void jdkAndHibernateConstantsAreKnownWithoutAClassPath() {
        ProjectState s = new ScanFixture(dir).file("app/Note.java", """
                package app;
                import jakarta.persistence.*;
                import org.hibernate.Length;
                import static java.lang.Short.*;
                @Entity public class Note {
                  @Id Long id;
                  @Column(length = Integer.MAX_VALUE - 1) String body;
                  @Column(length = Length.LONG32) String story;
                  @Column(length = Length.LONG) String summary;
                  @Column(length = org.hibernate.Length.LONG16) String digest;
                  @Column(length = MAX_VALUE / 2) String half;
                  @Column(length = Byte.MAX_VALUE + Character.BYTES) String small;
                }""").scan();
        assertEquals("text", column(s, "note", "body").type());
        assertEquals("text", column(s, "note", "story").type());
        assertEquals("varchar(32600)", column(s, "note", "summary").type());
        assertEquals("varchar(32767)", column(s, "note", "digest").type());
        assertEquals("varchar(16383)", column(s, "note", "half").type());
        assertEquals("varchar(129)", column(s, "note", "small").type());
    }

    @Test
    void hibernatesLengthIsKnownThroughAnOnDemandImportAndAStaticImport() {
        ProjectState s = new ScanFixture(dir).file("app/Memo.java", """
                package app;
                import jakarta.persistence.*;
                import org.hibernate.*;
                import static org.hibernate.Length.LONG16;
                @Entity public class Memo {
                  @Id Long id;
                  @Column(length = Length.LONG - 600) String text;
                  @Column(length = LONG16 >> 1) String half;
                }""").scan();
        assertEquals("varchar(32000)", column(s, "memo", "text").type());
        assertEquals("varchar(16383)", column(s, "memo", "half").type());
    }

    @Test
    void intArithmeticWrapsAndShiftsAsInJava() {
        ProjectState s = new ScanFixture(dir)
                .file("app/Sizes.java", """
                        package app;
                        public interface Sizes {
                          int WRAPPED = (Integer.MAX_VALUE + 2) / -1048576;
                          long WIDE = (Integer.MAX_VALUE + 2L) / 1048576;
                          int SHIFTED = 1 << 33;
                          long LONG_SHIFTED = 1L << 10;
                          short NARROWED = (short) 70000;
                        }""")
                .file("app/Gauge.java", """
                        package app;
                        import jakarta.persistence.*;
                        @Entity public class Gauge {
                          @Id Long id;
                          @Column(length = Sizes.WRAPPED) String wrapped;
                          @Column(length = (int) Sizes.WIDE) String wide;
                          @Column(length = Sizes.SHIFTED + (byte) 300) String shifted;
                          @Column(length = (int) (Sizes.LONG_SHIFTED >>> 1)) String halved;
                          @Column(length = Sizes.NARROWED) String narrowed;
                          @Column(length = 'a' + ((-1 >>> 28))) String chars;
                          @Column(precision = (int) 12.9, scale = ~-3) java.math.BigDecimal amount;
                        }""").scan();
        assertEquals("varchar(2047)", column(s, "gauge", "wrapped").type());
        assertEquals("varchar(2048)", column(s, "gauge", "wide").type());
        assertEquals("varchar(46)", column(s, "gauge", "shifted").type());
        assertEquals("varchar(512)", column(s, "gauge", "halved").type());
        assertEquals("varchar(4464)", column(s, "gauge", "narrowed").type());
        assertEquals("varchar(112)", column(s, "gauge", "chars").type());
        assertEquals("numeric(12,2)", column(s, "gauge", "amount").type());
    }

    @Test
    void namesAreConcatenatedWithConstantsOfEveryKind() {
        ProjectState s = new ScanFixture(dir).file("app/Tag.java", """
                package app;
                import jakarta.persistence.*;
                @Entity @Table(name = "tag_" + Short.SIZE, indexes = @Index(name = ("ix_" + 1 + 2) + (1 + 2), columnList = "c_a"))
                public class Tag {
                  @Id Long id;
                  @Column(name = "c_" + (char) 97) String a;
                  @Column(name = "c_" + Long.MAX_VALUE) String big;
                }""").scan();
        assertEquals(List.of("id", "c_9223372036854775807", "c_a"), columns(s, "tag"));
        assertEquals("tag_16", ScanFixture.table(s, "tag").name());
        assertEquals("ix_123", ScanFixture.table(s, "tag").indexes().get(0).name());
    }

    @Test
    void aLibraryConstantKeelDoesNotKnowIsReportedNotPrinted() {
        List<String> problems = new ScanFixture(dir).file("app/Item.java", """
                package app;
                import jakarta.persistence.*;
                import com.acme.Names;
                @Entity public class Item {
                  @Id Long id;
                  @Column(name = "c_" + Names.CODE) String code;
                  @Column(length = Names.WIDTH) String label;
                }""").problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("\"\"c_\" + Names.CODE\" is not a constant keel can read: com.acme.Names.CODE is a"
                + " constant of com.acme.Names, which is neither in the source roots nor on the class path"), problems.get(0));
        assertTrue(problems.get(1).contains("@Column(length = Names.WIDTH) is not a long: com.acme.Names.WIDTH is a constant"
                + " of com.acme.Names, which is neither in the source roots nor on the class path"), problems.get(1));
    }
}
