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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @IdClass}: the id class names the id attributes, as Hibernate takes them. */
class IdClassTest {
    @TempDir
    Path dir;

    @Test
    void anIdClassAttributeWithoutIdOnTheEntityIsStillPartOfThePrimaryKey() {
        ProjectState s = new ScanFixture(dir)
                .entity("EnrollmentId", "public class EnrollmentId implements java.io.Serializable { @Id Long studentId; @Id Long courseId; }")
                .entity("Enrollment", """
                        @Entity @IdClass(EnrollmentId.class) public class Enrollment {
                          @Id Long studentId;
                          Long courseId;
                          LocalDate enrolledOn; }""").scan();
        assertEquals(List.of("course_id", "student_id"), table(s, "enrollment").primaryKey().columns());
        assertTrue(column(s, "enrollment", "course_id").notNull());
        assertEquals(List.of("course_id", "student_id", "enrolled_on"), columns(s, "enrollment").stream().sorted(
                (a, b) -> a.equals("enrolled_on") ? 1 : b.equals("enrolled_on") ? -1 : a.compareTo(b)).toList());
    }

    @Test
    void theEntitysColumnMappingOfAnIdClassAttributeApplies() {
        ProjectState s = new ScanFixture(dir)
                .entity("LoanId", "public record LoanId(Long bookId, String borrowerCard) implements java.io.Serializable {}")
                .entity("Loan", """
                        @Entity @IdClass(LoanId.class) public class Loan {
                          Long bookId;
                          @Id @Column(name = "borrower", length = 40) String borrowerCard; }""").scan();
        assertEquals(List.of("book_id", "borrower"), table(s, "loan").primaryKey().columns());
        assertEquals("varchar(40)", column(s, "loan", "borrower").type());
        assertTrue(column(s, "loan", "book_id").notNull());
    }

    @Test
    void aNestedIdClassApplies() {
        ProjectState s = new ScanFixture(dir)
                .entity("Rating", """
                        @Entity @IdClass(Rating.Key.class) public class Rating {
                          public static class Key implements java.io.Serializable { Long userId; Long movieId; }
                          @Id Long userId;
                          Long movieId;
                          int stars; }""").scan();
        assertEquals(List.of("movie_id", "user_id"), table(s, "rating").primaryKey().columns());
    }

    @Test
    void anIdClassFromAMappedSuperclassApplies() {
        ProjectState s = new ScanFixture(dir)
                .entity("Key", "public class Key implements java.io.Serializable { Long tenant; Long code; }")
                .entity("Keyed", "@MappedSuperclass @IdClass(Key.class) public abstract class Keyed { @Id Long tenant; Long code; }")
                .entity("Item", "@Entity public class Item extends Keyed { String label; }").scan();
        assertEquals(List.of("code", "tenant"), table(s, "item").primaryKey().columns());
    }

    @Test
    void whatHibernateRefusesInAnIdClassMappingIsReported() {
        List<String> problems = new ScanFixture(dir)
                .entity("PairId", "public class PairId implements java.io.Serializable { Long left; Long right; }")
                .entity("Missing", "@Entity @IdClass(PairId.class) public class Missing { @Id Long left; }")
                .entity("Extra", "@Entity @IdClass(PairId.class) public class Extra { @Id Long left; Long right; @Id Long middle; }")
                .entity("Unmarked", "@Entity @IdClass(PairId.class) public class Unmarked { Long left; Long right; }")
                .problems();
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("Extra.java") && p.contains("@Id attributes [middle]")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Missing.java") && p.contains("has attributes [right]")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Unmarked.java") && p.contains("no @Id attribute")), problems.toString());
    }
}
