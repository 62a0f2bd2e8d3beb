package dev.keel.scan.internal;

import java.util.Map;
import java.util.Optional;

/**
 * Constants of the JDK and of Hibernate that mappings use in annotations ({@code @Column(length = Integer.MAX_VALUE)},
 * {@code @Column(length = Length.LONG32)}), with the values their class files hold: fixed by the Java SE and
 * Hibernate ORM 6 APIs, so keel knows them without reading a class path. Values are typed as Java types them:
 * {@code Integer} for an {@code int}, {@code Long}, {@code Character}, {@code Double}.
 */
final class LibraryConstants {
    private LibraryConstants() {}

    private static final Map<String, Object> VALUES = Map.ofEntries(
            Map.entry("java.lang.Integer.MAX_VALUE", Integer.MAX_VALUE),
            Map.entry("java.lang.Integer.MIN_VALUE", Integer.MIN_VALUE),
            Map.entry("java.lang.Integer.SIZE", Integer.SIZE),
            Map.entry("java.lang.Integer.BYTES", Integer.BYTES),
            Map.entry("java.lang.Long.MAX_VALUE", Long.MAX_VALUE),
            Map.entry("java.lang.Long.MIN_VALUE", Long.MIN_VALUE),
            Map.entry("java.lang.Long.SIZE", Long.SIZE),
            Map.entry("java.lang.Long.BYTES", Long.BYTES),
            // short and byte constants are int-typed in an expression (their values fit an int)
            Map.entry("java.lang.Short.MAX_VALUE", (int) Short.MAX_VALUE),
            Map.entry("java.lang.Short.MIN_VALUE", (int) Short.MIN_VALUE),
            Map.entry("java.lang.Short.SIZE", Short.SIZE),
            Map.entry("java.lang.Short.BYTES", Short.BYTES),
            Map.entry("java.lang.Byte.MAX_VALUE", (int) Byte.MAX_VALUE),
            Map.entry("java.lang.Byte.MIN_VALUE", (int) Byte.MIN_VALUE),
            Map.entry("java.lang.Byte.SIZE", Byte.SIZE),
            Map.entry("java.lang.Byte.BYTES", Byte.BYTES),
            Map.entry("java.lang.Character.MAX_VALUE", Character.MAX_VALUE),
            Map.entry("java.lang.Character.MIN_VALUE", Character.MIN_VALUE),
            Map.entry("java.lang.Character.SIZE", Character.SIZE),
            Map.entry("java.lang.Character.BYTES", Character.BYTES),
            Map.entry("java.lang.Double.MAX_VALUE", Double.MAX_VALUE),
            Map.entry("java.lang.Double.MIN_VALUE", Double.MIN_VALUE),
            Map.entry("java.lang.Float.MAX_VALUE", (double) Float.MAX_VALUE),
            Map.entry("java.lang.Float.MIN_VALUE", (double) Float.MIN_VALUE),
            Map.entry("java.lang.Math.PI", Math.PI),
            Map.entry("java.lang.Math.E", Math.E),
            // org.hibernate.Length (Hibernate ORM 6): the lengths Hibernate's own mappings use
            Map.entry("org.hibernate.Length.DEFAULT", 255),
            Map.entry("org.hibernate.Length.LONG", 32_600),
            Map.entry("org.hibernate.Length.LONG16", 32_767),
            Map.entry("org.hibernate.Length.LONG32", Integer.MAX_VALUE),
            Map.entry("org.hibernate.Length.LOB_DEFAULT", 1_048_576));

    /** The value of the constant {@code name} of the library type {@code typeName}, if keel knows it. */
    static Optional<Object> value(String typeName, String name) {
        return Optional.ofNullable(VALUES.get(typeName + "." + name));
    }
}
