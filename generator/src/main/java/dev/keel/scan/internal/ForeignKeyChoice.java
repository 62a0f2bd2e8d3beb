package dev.keel.scan.internal;

import java.util.List;
import java.util.Optional;

/**
 * What a mapping asks of a foreign key, read from its annotations as Hibernate 6.6 reads them.
 *
 * @param name     the constraint name, or null for Hibernate's hashed {@code FK...} name
 * @param enforced false for {@code @ForeignKey(NO_CONSTRAINT)}: the relation without a database constraint
 */
record ForeignKeyChoice(String name, boolean enforced) {
    /** A {@code @ForeignKey} as written; none asks for an enforced key with Hibernate's name. */
    static ForeignKeyChoice of(Optional<AnnotationView> foreignKey) {
        return new ForeignKeyChoice(foreignKey.map(ForeignKeyChoice::nameOf).orElse(null),
                foreignKey.map(f -> !noConstraint(f)).orElse(true));
    }

    /**
     * The key from a {@code @JoinTable} to the owner: {@code foreignKey}, else the name the first of
     * {@code joinColumns} gives its {@code foreignKey}; no constraint when either says {@code NO_CONSTRAINT}.
     */
    static ForeignKeyChoice joinTableOwner(AnnotationView joinTable) {
        return joinTable(joinTable.annotation("foreignKey"), joinTable.annotations("joinColumns"), true);
    }

    /**
     * The key from a {@code @JoinTable} to the target: {@code inverseForeignKey}, else the name the first
     * of {@code inverseJoinColumns} gives its {@code foreignKey}. Only {@code inverseForeignKey} can drop
     * the constraint: Hibernate ignores {@code NO_CONSTRAINT} on an inverse join column.
     */
    static ForeignKeyChoice joinTableInverse(AnnotationView joinTable) {
        return joinTable(joinTable.annotation("inverseForeignKey"), joinTable.annotations("inverseJoinColumns"), false);
    }

    /**
     * The key from a {@code @CollectionTable} to the owner: {@code foreignKey}; when it names none and
     * there is exactly one join column, the name that join column's {@code foreignKey} gives. Only the
     * collection table's own {@code foreignKey} can drop the constraint.
     */
    static ForeignKeyChoice collectionTable(Optional<AnnotationView> collectionTable) {
        if (collectionTable.isEmpty()) {
            return of(Optional.empty());
        }
        Optional<AnnotationView> own = collectionTable.get().annotation("foreignKey");
        ForeignKeyChoice choice = of(own);
        List<AnnotationView> joins = collectionTable.get().annotations("joinColumns");
        if (choice.enforced() && choice.name() == null && joins.size() == 1) {
            return new ForeignKeyChoice(joins.get(0).annotation("foreignKey").map(ForeignKeyChoice::nameOf).orElse(null), true);
        }
        return choice;
    }

    private static ForeignKeyChoice joinTable(Optional<AnnotationView> own, List<AnnotationView> joins, boolean joinColumnMode) {
        String name = own.map(ForeignKeyChoice::nameOf).orElse(null);
        boolean enforced = own.map(f -> !noConstraint(f)).orElse(true);
        Optional<AnnotationView> first = joins.isEmpty() ? Optional.empty() : joins.get(0).annotation("foreignKey");
        if (name == null) {
            name = first.map(ForeignKeyChoice::nameOf).orElse(null);
        }
        if (joinColumnMode && first.isPresent() && noConstraint(first.get())) {
            enforced = false;
        }
        return new ForeignKeyChoice(name, enforced);
    }

    private static String nameOf(AnnotationView foreignKey) {
        String name = foreignKey.string("name", "");
        return name.isBlank() ? null : name;
    }

    private static boolean noConstraint(AnnotationView foreignKey) {
        return foreignKey.enumName("value", "CONSTRAINT").equals("NO_CONSTRAINT");
    }

    /** The foreign key from {@code columns} to {@code target}'s primary key. */
    TableSpec.ForeignKeySpec to(List<Ident> columns, TableSpec target) {
        return new TableSpec.ForeignKeySpec(name, columns, target, enforced, null);
    }
}
