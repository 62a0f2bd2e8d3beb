package dev.keel.scan.internal;

import java.util.Optional;

/**
 * Whether Hibernate 6.6 makes the column of a basic attribute (or of a basic collection element) NOT NULL,
 * before Bean Validation:
 * <ol>
 *   <li>id columns always are, and so is the column of a {@code @TenantId} attribute (Hibernate's binder for it makes
 *       the attribute non-optional after the column is made, over {@code @Column(nullable = true)} and a
 *       single-table subclass);</li>
 *   <li>{@code @Basic(optional = false)} forces it, over any {@code @Column(nullable)}, except in a
 *       single-table subclass (where Hibernate forces columns nullable);</li>
 *   <li>an explicit column ({@code @Column} or an {@code @AttributeOverride}'s) says it with {@code nullable};</li>
 *   <li>an implicit column (no {@code @Column}) is NOT NULL only for a primitive that is not in an embeddable,
 *       not an array, not in a single-table subclass and carries no {@code @Basic} (whose {@code optional}
 *       decides instead).</li>
 * </ol>
 * So {@code int count} is NOT NULL while {@code @Column int count} and {@code @Basic int count} are nullable,
 * as are primitives of embeddables unless they say otherwise. The element column of a basic collection follows
 * rules 3 and 4 only: {@code @Basic(optional = false)} makes it NOT NULL when the column is implicit.
 */
public final class ColumnNullability {
    private ColumnNullability() {}

    /**
     * Whether the column of attribute {@code a}, written as {@code column} ({@code null} when implicit),
     * is NOT NULL at {@code site}.
     */
    public static boolean notNull(Attribute a, AnnotationView column, Site site) {
        return notNull(a, column, site, false);
    }

    /**
     * {@link #notNull(Attribute, AnnotationView, Site)}, with {@code @Basic} on a primitive NOT NULL when
     * {@code primitiveBasicNotNull} ({@link HibernateRule#BASIC_PRIMITIVE_NOT_NULL}).
     */
    public static boolean notNull(Attribute a, AnnotationView column, Site site, boolean primitiveBasicNotNull) {
        if (site.id() || a.ann(JpaNames.TENANT_ID).isPresent()) {
            return true;
        }
        Optional<Boolean> basicOptional = a.ann(JpaNames.BASIC).map(b -> b.bool("optional", true));
        boolean forcedNull = site.subclass();
        if (!forcedNull && basicOptional.equals(Optional.of(false))) {
            return true;
        }
        return declared(a, column, site, primitiveBasicNotNull);
    }

    /**
     * Whether the element column of a basic collection attribute {@code a}, written as {@code column} ({@code null}
     * when implicit), is NOT NULL; {@code owner} is the site of the collection attribute.
     */
    public static boolean elementNotNull(Attribute a, AnnotationView column, Site owner) {
        return declared(a, column, owner, false);
    }

    /** Rules 3 and 4: what the column says, or the implicit column's rule. */
    private static boolean declared(Attribute a, AnnotationView column, Site site, boolean primitiveBasicNotNull) {
        if (column != null) {
            return !column.bool("nullable", true);
        }
        Optional<Boolean> basicOptional = a.ann(JpaNames.BASIC).map(b -> b.bool("optional", true));
        return !site.subclass() && !implicitlyOptional(a.type(), basicOptional, site.component(), primitiveBasicNotNull);
    }

    /**
     * Whether an implicit column may hold null: what {@code @Basic} says (under Hibernate 7 never for a primitive,
     * {@link HibernateRule#BASIC_PRIMITIVE_NOT_NULL}), else anything but a primitive of an entity.
     */
    private static boolean implicitlyOptional(TypeRef type, Optional<Boolean> basicOptional, boolean component,
                                              boolean primitiveBasicNotNull) {
        if (basicOptional.isPresent()) {
            return basicOptional.get() && !(primitiveBasicNotNull && type.isPrimitive());
        }
        return component || !type.isPrimitive();
    }
}
