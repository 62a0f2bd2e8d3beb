package dev.keel.scan.internal;

import java.util.Optional;

/**
 * Hibernate's {@code @SoftDelete}: rows are marked instead of deleted, in a column Hibernate adds to the entity's table
 * (on the root entity class) or to a collection's table (on an {@code @ElementCollection} or a many-to-many):
 * {@code deleted} ({@code active} for {@code strategy = ACTIVE}) unless {@code columnName} says, {@code boolean} or what
 * a converter of {@link BooleanConverters} stores, NOT NULL, with the comment {@code Soft-delete indicator}.
 */
final class SoftDeletes {
    static final String COMMENT = "Soft-delete indicator";

    private SoftDeletes() {}

    /** Adds the soft-delete column of the entity's own {@code @SoftDelete}, if any, to its table. */
    static void entity(ScanContext ctx, EntityInfo e, TableSpec table) {
        if (e.parent() == null) {
            ctx.annotation(e.type(), JpaNames.SOFT_DELETE).ifPresent(sd -> add(ctx, sd, table, Precedence.discriminator(e)));
        }
    }

    /** Adds the soft-delete column of a collection attribute's {@code @SoftDelete}, if any, to the collection's table. */
    static void collection(ScanContext ctx, Attribute a, TableSpec table) {
        a.ann(JpaNames.SOFT_DELETE).ifPresent(sd -> add(ctx, sd, table, null));
    }

    private static void add(ScanContext ctx, AnnotationView sd, TableSpec table, Precedence precedence) {
        String written = sd.string("columnName", "");
        boolean active = sd.enumName("strategy", "DELETED").equals("ACTIVE");
        Ident name = ctx.naming().physical(written.isBlank() ? (active ? "active" : "deleted") : written);
        Optional<String> converter = Optional.ofNullable(sd.classRef("converter"))
                .filter(c -> !c.equals("org.hibernate.annotations.SoftDelete.UnspecifiedConversion"));
        ColumnTypes.Typed typed = converter.flatMap(c -> BooleanConverters.typed(c, name)).orElseGet(() -> {
            converter.ifPresent(c -> {
                throw new MappingProblem(sd.node(), "@SoftDelete converter " + c + " is not one keel knows",
                        "use YesNoConverter, TrueFalseConverter or NumericBooleanConverter of org.hibernate.type, or none");
            });
            return new ColumnTypes.Typed(SqlType.fixed("boolean", 1), java.util.List.of());
        });
        ColumnSpec column = ColumnSpec.of(name, typed.type()).withNullable(false).withComment(COMMENT);
        if (precedence == null) {
            table.add(column);
        } else {
            table.add(column, precedence);
        }
        typed.checks().forEach(c -> table.checks.add(new TableSpec.CheckSpec(null, c)));
    }
}
