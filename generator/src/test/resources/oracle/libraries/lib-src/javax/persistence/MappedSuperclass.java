package javax.persistence;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for Java EE's javax.persistence.MappedSuperclass in a library built for both namespaces. */
@Retention(RetentionPolicy.RUNTIME)
public @interface MappedSuperclass {
}
