package dev.keel.scan.internal;

import dev.keel.scan.oracle.SampleLibraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The source {@link LibrarySources} writes for a class path mapped superclass: what javac kept, written back. */
class LibrarySourcesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSignatureFieldsAndEveryKindOfAnnotationValue() {
        Path jar = dir.resolve("lib.jar");
        SampleLibraries.compileJar(Map.of(
                "lib/Mark.java", """
                        package lib;
                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                        public @interface Mark {
                            String text() default ""; char c() default 'a'; long[] longs() default {}; float f() default 0;
                            double d() default 0; boolean b() default false; byte y() default 0; Class<?> type() default Object.class;
                            java.lang.annotation.ElementType kind() default java.lang.annotation.ElementType.FIELD;
                            jakarta.persistence.Column column() default @jakarta.persistence.Column;
                        }""",
                "lib/Base.java", """
                        package lib;
                        import jakarta.persistence.*;
                        import java.util.*;
                        @MappedSuperclass
                        public abstract class Base<K extends java.io.Serializable & Comparable<K>, V> extends Root<K> {
                            public static final String NAME = "a\\"b\\n";
                            public static final long BIG = 1L << 40;
                            public static final char SEP = '\\'';
                            public static final double HALF = 0.5;
                            @Mark(text = "t\\\\u", c = '"', longs = {1L, -2L}, f = 1.5f, d = Double.NaN, b = true, y = -3,
                                    type = int[].class, kind = java.lang.annotation.ElementType.METHOD,
                                    column = @Column(name = "x", length = 7))
                            protected Map<String, List<? extends V>> values;
                            @ElementCollection private transient Set<? super Integer> ignored;
                            int[][] grid;
                        }""",
                "lib/Root.java", """
                        package lib;
                        @jakarta.persistence.MappedSuperclass
                        public class Root<I> { @jakarta.persistence.Id I id; }"""), dir.resolve("src"), jar);
        try (ClassPath cp = ClassPath.of(List.of(jar))) {
            LibrarySources.Written w = LibrarySources.of(cp, "lib.Base").orElseThrow();
            assertEquals(Path.of(jar + "!", "lib/Base.java"), w.file());
            String text = w.text();
            assertTrue(text.startsWith("package lib;\n"), text);
            assertTrue(text.contains("public abstract class Base<K extends Serializable & Comparable<K>, V> extends Root<K> {"), text);
            assertTrue(text.contains("public static final String NAME = \"a\\\"b\\n\";"), text);
            assertTrue(text.contains("public static final long BIG = 1099511627776L;"), text);
            assertTrue(text.contains("public static final char SEP = '\\'';"), text);
            assertTrue(text.contains("public static final double HALF = 0.5;"), text);
            assertTrue(text.contains("@Mark(text = \"t\\\\u\", c = '\"', longs = {1L, -2L}, f = 1.5f, d = (0.0 / 0.0), b = true,"
                    + " y = -3, type = int[].class, kind = ElementType.METHOD, column = @Column(name = \"x\", length = 7))"), text);
            assertTrue(text.contains("protected Map<String, List<? extends V>> values;"), text);
            assertTrue(text.contains("@ElementCollection\n    private transient Set<? super Integer> ignored;"), text);
            assertTrue(text.contains("int[][] grid;"), text);
            assertTrue(text.contains("import jakarta.persistence.MappedSuperclass;"), text);
            // javac's reading of it is the class itself: it parses, and the mapping reads it as it reads sources
            assertTrue(SourceTrees.parse(text).isSuccessful(), text);
            assertTrue(LibrarySources.of(cp, "lib.Mark").isEmpty(), "an annotation type is no mapped class");
        }
    }

    @Test
    void leavesOutJavaxPersistenceBesideJakarta() {
        // a library built for both namespaces: each mapping annotation twice, the javax one with other values
        Path jar = dir.resolve("both.jar");
        SampleLibraries.compileJar(Map.of(
                "javax/persistence/Column.java", """
                        package javax.persistence;
                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                        public @interface Column { String name() default ""; int length() default 255; }""",
                "javax/persistence/MappedSuperclass.java", """
                        package javax.persistence;
                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                        public @interface MappedSuperclass {}""",
                "lib/Entry.java", """
                        package lib;
                        @jakarta.persistence.MappedSuperclass
                        @javax.persistence.MappedSuperclass
                        public abstract class Entry {
                            @jakarta.persistence.Id @javax.persistence.Column(name = "legacy_id") Long id;
                            @javax.persistence.Column(name = "legacy_payload", length = 9)
                            @jakarta.persistence.Column(name = "payload", length = 40)
                            String payload;
                        }"""), dir.resolve("src"), jar);
        try (ClassPath cp = ClassPath.of(List.of(jar))) {
            String text = LibrarySources.of(cp, "lib.Entry").orElseThrow().text();
            assertTrue(!text.contains("javax") && !text.contains("legacy"), text);
            assertTrue(text.contains("@Column(name = \"payload\", length = 40)"), text);
            assertTrue(text.contains("@Id\n    Long id;"), text);
            assertTrue(text.contains("import jakarta.persistence.MappedSuperclass;"), text);
        }
    }
}
