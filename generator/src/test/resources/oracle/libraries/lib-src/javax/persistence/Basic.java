package javax.persistence;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for Java EE's javax.persistence.Basic in a library built for both namespaces. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Basic {
    boolean optional() default true;
}
