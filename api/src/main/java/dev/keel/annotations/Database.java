package dev.keel.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts an entity's table (with its join and collection tables and its sequences) in a named database
 * of {@code keel.json}'s {@code "databases"}. An entity without it lives in the database named
 * {@code default}. {@code keel migrate --database NAME} runs only the operations of the tables routed
 * to NAME; the others are recorded as not applicable there.
 *
 * <pre>{@code
 * @Entity @Database("control")
 * public class Organization { ... }
 * }</pre>
 *
 * <p>keel reads it from the sources, so it is not kept at run time. A subclass in a single-table or
 * joined hierarchy lives where its root lives.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Database {
    /** The database's name in {@code keel.json} ({@code "control"}, {@code "region"}). */
    String value();
}
