package dev.keel.load;

/**
 * A value computed from migration source, with its static Java type as the compiler would see it
 * ({@code int} for {@code 5}, the declared return type for a call). The null literal has a null
 * type; a call to a void method has type {@code void}. Overloads are chosen by these types, as
 * javac chooses them.
 */
record Typed(Object value, Class<?> type) {
    static final Typed NULL = new Typed(null, null);

    boolean isVoid() {
        return type == void.class;
    }

    boolean isString() {
        return type == String.class;
    }
}
