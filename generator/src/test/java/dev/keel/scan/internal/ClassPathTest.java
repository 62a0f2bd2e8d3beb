package dev.keel.scan.internal;

import dev.keel.error.KeelException;
import dev.keel.scan.oracle.SampleLibraries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What keel reads from class files: a small library compiled with javax.tools into a jar, read through {@link ClassPath}. */
class ClassPathTest {
    @TempDir
    static Path dir;
    static Path jar;

    @BeforeAll
    static void library() {
        jar = dir.resolve("lib/common.jar");
        SampleLibraries.compileJar(Map.of(
                "lib/Phase.java", "package lib;\npublic enum Phase { DRAFT, REVIEW, DONE, ARCHIVED;"
                        + " public static final int COUNT = 4; Phase next() { return this; } }",
                "lib/Limits.java", "package lib;\npublic interface Limits { int NAME = 80; long BIG = 5_000_000_000L;"
                        + " String PREFIX = \"x_\" + NAME; boolean FLAG = true; char SEP = ';'; double RATIO = 0.5;"
                        + " float HALF = 0.5f; short SMALL = 7; byte TINY = 1; }",
                "lib/Base.java", "package lib;\npublic class Base { public static final int CODE = 12;"
                        + " public static int mutable = 3; public static final Integer BOXED = 4;"
                        + " public static class Shared { public static final int DEPTH = 2; } }",
                "lib/Sizes.java", "package lib;\npublic class Sizes extends Base implements Limits {"
                        + " public static final int TITLE = NAME / 2;"
                        + " public static final class Columns { public static final int NOTE = 400;"
                        + "   public enum Mode { ON, OFF } } }",
                "lib/Point.java", "package lib;\npublic record Point(int x, int y) implements java.io.Serializable {}",
                "lib/PointConverter.java", "package lib;\npublic class PointConverter implements"
                        + " jakarta.persistence.AttributeConverter<Point, String> {"
                        + " public String convertToDatabaseColumn(Point p) { return p.x() + \",\" + p.y(); }"
                        + " public Point convertToEntityAttribute(String s) { return null; } }",
                "lib/Generic.java", "package lib;\npublic abstract class Generic<K extends Comparable<K>, V> implements"
                        + " jakarta.persistence.AttributeConverter<java.util.List<V>, byte[]> {}"),
                dir.resolve("src"), jar);
    }

    private static ClassPath classPath() {
        return ClassPath.of(List.of(jar));
    }

    @Test
    void anEnumsConstantsInDeclarationOrderAndItsKind() {
        try (ClassPath cp = classPath()) {
            LibraryType phase = cp.type("lib.Phase").orElseThrow();
            assertTrue(phase.isEnum());
            assertFalse(phase.isInterface());
            assertEquals(List.of("DRAFT", "REVIEW", "DONE", "ARCHIVED"), phase.enumConstants());
            assertEquals(Optional.of(List.of("DRAFT", "REVIEW", "DONE", "ARCHIVED")), cp.enumConstants("lib.Phase"));
            assertEquals(Optional.of(4L), cp.member("lib.Phase", "COUNT"));
            assertEquals(Optional.of(new Values.EnumConst("lib.Phase", "DONE")), cp.member("lib.Phase", "DONE"));
            assertEquals(Optional.empty(), cp.enumConstants("lib.Limits"));
        }
    }

    @Test
    void constantsOfEveryKindAsTheSourceEvaluatorGivesThem() {
        try (ClassPath cp = classPath()) {
            assertTrue(cp.type("lib.Limits").orElseThrow().isInterface());
            assertEquals(Optional.of(80L), cp.member("lib.Limits", "NAME"));
            assertEquals(Optional.of(5_000_000_000L), cp.member("lib.Limits", "BIG"));
            assertEquals(Optional.of("x_80"), cp.member("lib.Limits", "PREFIX"));
            assertEquals(Optional.of(true), cp.member("lib.Limits", "FLAG"));
            assertEquals(Optional.of(';'), cp.member("lib.Limits", "SEP"));
            assertEquals(Optional.of(0.5), cp.member("lib.Limits", "RATIO"));
            assertEquals(Optional.of(0.5), cp.member("lib.Limits", "HALF"));
            assertEquals(Optional.of(7L), cp.member("lib.Limits", "SMALL"));
            assertEquals(Optional.of(1L), cp.member("lib.Limits", "TINY"));
        }
    }

    @Test
    void inheritedConstantsAndNestedTypes() {
        try (ClassPath cp = classPath()) {
            assertEquals(Optional.of(40L), cp.member("lib.Sizes", "TITLE"));
            assertEquals(Optional.of(12L), cp.member("lib.Sizes", "CODE"), "from the superclass");
            assertEquals(Optional.of(80L), cp.member("lib.Sizes", "NAME"), "from the superinterface");
            assertEquals(Optional.of(400L), cp.member("lib.Sizes.Columns", "NOTE"), "of a nested class");
            assertEquals(Optional.of(List.of("ON", "OFF")), cp.enumConstants("lib.Sizes.Columns.Mode"));
            assertEquals(Optional.of("lib.Sizes.Columns"), cp.memberType("lib.Sizes", "Columns"));
            assertEquals(Optional.of("lib.Base.Shared"), cp.memberType("lib.Sizes", "Shared"), "inherited member type");
            assertEquals(Optional.of(2L), cp.member("lib.Base.Shared", "DEPTH"));
            assertEquals(Optional.empty(), cp.member("lib.Sizes", "MISSING"));
        }
    }

    @Test
    void aStaticFieldThatIsNotAConstantSaysSo() {
        try (ClassPath cp = classPath()) {
            assertSame(ClassPath.NOT_CONSTANT, cp.member("lib.Base", "mutable").orElseThrow());
            assertSame(ClassPath.NOT_CONSTANT, cp.member("lib.Base", "BOXED").orElseThrow(), "an Integer has no ConstantValue");
        }
    }

    @Test
    void recordsSerializableAndConvertersGenericTypes() {
        try (ClassPath cp = classPath()) {
            LibraryType point = cp.type("lib.Point").orElseThrow();
            assertTrue(point.record());
            assertTrue(cp.isSubtype("lib.Point", "java.io.Serializable"));
            assertFalse(cp.isSubtype("lib.Sizes", "java.io.Serializable"));
            assertEquals(Optional.of(List.of(TypeRef.of("lib.Point"), TypeRef.of("java.lang.String"))),
                    cp.type("lib.PointConverter").orElseThrow().typeArguments("jakarta.persistence.AttributeConverter"));
            LibraryType generic = cp.type("lib.Generic").orElseThrow();
            assertEquals(List.of("K", "V"), generic.typeVariables());
            assertEquals(Optional.of(List.of(new TypeRef("java.util.List", List.of(new TypeRef("V", List.of(), 0, false)), 0, true),
                    new TypeRef("byte", List.of(), 1, true))), generic.typeArguments("jakarta.persistence.AttributeConverter"));
        }
    }

    @Test
    void nothingIsOpenedUntilANameIsLookedUpAndTheJdkIsNeverLookedUp() {
        try (ClassPath cp = classPath()) {
            assertEquals(0, cp.openedCount());
            assertEquals(Optional.empty(), cp.type("java.lang.String"));
            assertEquals(Optional.empty(), cp.type("jakarta.persistence.AttributeConverter"));
            assertEquals(0, cp.openedCount());
            assertEquals(Optional.empty(), cp.type("lib.Missing"));
            assertEquals(1, cp.openedCount());
        }
    }

    @Test
    void classFoldersGlobsAndClassPathFiles() throws IOException {
        Path project = dir.resolve("project");
        Path classes = project.resolve("core/target/classes/lib");
        Files.createDirectories(classes);
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            Files.write(classes.resolve("Phase.class"), zip.getInputStream(zip.getEntry("lib/Phase.class")).readAllBytes());
        }
        Files.createDirectories(project.resolve("libs/a"));
        Files.copy(jar, project.resolve("libs/a/one.jar"));
        Files.writeString(project.resolve("cp.txt"), jar + java.io.File.pathSeparator + project.resolve("core/target/classes") + "\n");

        try (ClassPath folder = ClassPath.of(project, List.of("core/target/classes"))) {
            assertEquals(Optional.of(List.of("DRAFT", "REVIEW", "DONE", "ARCHIVED")), folder.enumConstants("lib.Phase"));
            assertEquals(Optional.empty(), folder.type("lib.Limits"));
        }
        assertEquals(List.of(project.resolve("libs/a/one.jar")), ClassPath.of(project, List.of("libs/**/*.jar")).entries());
        assertEquals(List.of(jar, project.resolve("core/target/classes")), ClassPath.of(project, List.of("@cp.txt")).entries());
    }

    @Test
    void anEntryThatNamesNothingIsAUsageErrorSayingWhatToDo() {
        Path project = dir.resolve("empty-project");
        KeelException missing = assertThrows(KeelException.class, () -> ClassPath.of(project, List.of("lib/core.jar")));
        assertTrue(missing.getMessage().contains("\"libraries\" entry \"lib/core.jar\"") && missing.getMessage().contains("does not exist")
                && missing.getMessage().contains("To fix:"), missing.getMessage());
        KeelException glob = assertThrows(KeelException.class, () -> ClassPath.of(project, List.of("lib/*.jar")));
        assertTrue(glob.getMessage().contains("matches no jar or folder"), glob.getMessage());
        KeelException file = assertThrows(KeelException.class, () -> ClassPath.of(project, List.of("@target/cp.txt")));
        assertTrue(file.getMessage().contains("dependency:build-classpath"), file.getMessage());
    }

    @Test
    void internalNamesBecomeCanonicalNames() {
        assertEquals("a.b.Outer.Inner", LibraryType.canonical("a/b/Outer$Inner"));
        assertEquals("a.b.Outer$1", LibraryType.canonical("a/b/Outer$1"));
        assertEquals("a.b.$Proxy", LibraryType.canonical("a/b/$Proxy"));
    }
}
