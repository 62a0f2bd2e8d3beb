package com.acme.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An auditing marker (as a framework's @CreatedDate): no mapping of its own, with values of every kind. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Stamp {
    String zone() default "UTC";

    char mark() default '-';

    long[] steps() default {};

    Class<?> source() default Object.class;

    Status when() default Status.ACTIVE;
}
