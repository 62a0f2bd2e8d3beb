package javax.persistence;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for Java EE's javax.persistence.Column in a library built for both namespaces (Hibernate 6 does not read it). */
@Retention(RetentionPolicy.RUNTIME)
public @interface Column {
    String name() default "";

    boolean nullable() default true;

    int length() default 255;
}
