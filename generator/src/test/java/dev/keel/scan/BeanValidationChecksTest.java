package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checks Bean Validation adds, in the order Hibernate 6.6 writes their terms (measured with the oracle): neither
 * the source order nor a fixed one, but Hibernate Validator's hash order; only the Default group counts.
 */
class BeanValidationChecksTest {
    @TempDir
    Path dir;

    private static String check(ProjectState s, String model, String column) {
        return table(s, model).checks().stream().map(c -> c.expression()).filter(e -> e.contains(column)).findFirst()
                .orElse("none");
    }

    @Test
    void termsComeInHibernateValidatorsOrder() {
        ProjectState s = new ScanFixture(dir).file("app/Review.java", """
                package app;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                import org.hibernate.validator.constraints.Range;
                @Entity public class Review { @Id Long id;
                  @Min(1) @Max(5) int stars;
                  @Max(10) @Min(0) int score;
                  @Max(100) @Min(0) int helpfulness;
                  @Min(0) @Max(10) int value;
                  @Min(value = 18, message = "reviewers must be adults") @Max(value = 120, message = "implausible age") Integer age;
                  @Range(min = 1, max = 9) Integer bucket;
                  @Min(2) @Range(min = 1, max = 9) Integer floor;
                  @Range(min = 1, max = 9) @Max(8) Integer ceiling; }""").beanValidation().scan();
        assertEquals("(stars<=5) and (stars>=1)", check(s, "review", "stars"));
        assertEquals("(score>=0) and (score<=10)", check(s, "review", "score"));
        assertEquals("(helpfulness<=100) and (helpfulness>=0)", check(s, "review", "helpfulness"));
        assertEquals("(value>=0) and (value<=10)", check(s, "review", "value"));
        assertEquals("(age>=18) and (age<=120)", check(s, "review", "age"));
        assertEquals("(bucket>=1) and (bucket<=9)", check(s, "review", "bucket"));
        assertEquals("(floor>=2) and (floor>=1) and (floor<=9)", check(s, "review", "floor"));
        assertEquals("(ceiling>=1) and (ceiling<=9) and (ceiling<=8)", check(s, "review", "ceiling"));
    }

    @Test
    void onlyTheDefaultGroupReachesTheSchema() {
        ProjectState s = new ScanFixture(dir).file("app/Groups.java", """
                package app;
                public final class Groups {
                  public interface OnSubmit {}
                  public interface Moderation extends jakarta.validation.groups.Default {} }""")
                .file("app/Post.java", """
                package app;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                import jakarta.validation.groups.Default;
                @Entity public class Post { @Id Long id;
                  @NotNull(groups = Groups.OnSubmit.class) String author;
                  @NotNull(groups = {Groups.OnSubmit.class, Default.class}) String channel;
                  @NotNull(groups = Groups.Moderation.class) String note;
                  @Size(max = 20, groups = Groups.OnSubmit.class) String locale;
                  @Min(value = 1, groups = Groups.OnSubmit.class) @Max(50) Integer photos; }""").beanValidation().scan();
        assertEquals(false, column(s, "post", "author").notNull());
        assertEquals(true, column(s, "post", "channel").notNull());
        assertEquals(false, column(s, "post", "note").notNull());
        assertEquals("varchar(255)", column(s, "post", "locale").type());
        assertEquals(List.of("photos<=50"), table(s, "post").checks().stream().map(c -> c.expression()).toList());
    }
}
