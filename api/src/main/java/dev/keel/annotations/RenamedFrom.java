package dev.keel.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that an entity class or a field was renamed, so that {@code keel makemigrations} writes a
 * rename instead of a drop and an add. keel reads it from the sources, so it is not kept at run time.
 *
 * <pre>{@code
 * @Entity @RenamedFrom("Article")
 * public class Post {
 *     @RenamedFrom("heading") private String title;
 * }
 * }</pre>
 *
 * <p>Once the migration with the rename is written and applied everywhere, the annotation may be removed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface RenamedFrom {
    /** The old simple class name (on a class) or the old field name (on a field). */
    String value();
}
