package dev.keel.scan.internal;

/**
 * When Hibernate binds one mapping of a column, relative to the other mappings of the same table. A
 * column mapped more than once (a read-only copy of a field, a to-one beside its foreign-key id, two
 * entities on one table, a join table that is also an entity's table) is defined by the mapping bound
 * first: its type, nullability, uniqueness, checks and comment; the later ones only reuse the column.
 *
 * <p>Hibernate binds, entity after entity in {@linkplain EntityInfo#binding() binding order}, the key, the
 * discriminator, then the basic and embedded attributes (a superclass's before its subclass's, by name
 * within a class, an embeddable's in place of the embedded attribute); then, in second passes, the join
 * columns of every to-one; last, collection tables and the join columns of one-to-many collections.
 *
 * @param pass      {@link #FIRST}, {@link #TO_ONE} or {@link #COLLECTION}
 * @param entity    the binding order of the entity mapping the column
 * @param step      {@link #KEY}, {@link #DISCRIMINATOR} or {@link #ATTRIBUTE} within the entity's first pass
 * @param attribute the attribute's place within the entity ({@link #attributeOrder})
 */
public record Precedence(int pass, int entity, int step, String attribute) implements Comparable<Precedence> {
    static final int FIRST = 0;
    static final int TO_ONE = 1;
    static final int COLLECTION = 2;
    static final int KEY = 0;
    static final int DISCRIMINATOR = 1;
    static final int ATTRIBUTE = 2;

    /** A column of a collection table or a one-to-many join column: bound after every entity's. */
    public static final Precedence COLLECTION_COLUMN = new Precedence(COLLECTION, Integer.MAX_VALUE, 0, "");

    /** A key column of an entity's table. */
    static Precedence key(EntityInfo e, String attribute) {
        return new Precedence(FIRST, e.binding(), KEY, attribute);
    }

    /** The discriminator column of a hierarchy's root. */
    static Precedence discriminator(EntityInfo e) {
        return new Precedence(FIRST, e.binding(), DISCRIMINATOR, "");
    }

    /** A column of an attribute: a basic or embedded one in the first pass, a to-one's join column after. */
    static Precedence attribute(EntityInfo e, boolean toOne, String attribute) {
        return new Precedence(toOne ? TO_ONE : FIRST, e.binding(), ATTRIBUTE, attribute);
    }

    /**
     * The place of attribute {@code name} declared by a class with {@code superclasses} scanned superclasses:
     * superclasses' attributes first, then by name. Nested attributes append theirs to their embedded
     * attribute's place.
     */
    static String attributeOrder(int superclasses, String name) {
        // String.format("%03d %s/") without the formatter (asked for every column): a count of up to three digits, padded
        String n = Integer.toString(superclasses);
        var sb = new StringBuilder(n.length() + name.length() + 5);
        for (int i = n.length(); i < 3 && superclasses >= 0; i++) {
            sb.append('0');
        }
        return sb.append(n).append(' ').append(name).append('/').toString();
    }

    @Override
    public int compareTo(Precedence o) {
        int c = Integer.compare(pass, o.pass);
        if (c == 0) {
            c = Integer.compare(entity, o.entity);
        }
        if (c == 0) {
            c = Integer.compare(step, o.step);
        }
        return c != 0 ? c : attribute.compareTo(o.attribute);
    }
}
