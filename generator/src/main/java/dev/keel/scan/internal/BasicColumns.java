package dev.keel.scan.internal;

import java.util.Optional;

/**
 * Maps a single-column attribute: name ({@code @Column(name)} or the attribute name through the naming
 * rules), type ({@link ColumnTypes}), nullability ({@link ColumnNullability}), {@code unique}, {@code @ColumnDefault}, {@code @Comment}, {@code @Check} and
 * Bean Validation.
 */
public final class BasicColumns {
    private final ScanContext ctx;
    private final ColumnTypes types;

    public BasicColumns(ScanContext ctx, ColumnTypes types) {
        this.ctx = ctx;
        this.types = types;
    }

    /** The column of a basic attribute at a site. */
    public ColumnSpec map(Attribute a, Site site) {
        AnnotationView column = site.overrides().containsKey(a.name()) ? site.overrides().get(a.name())
                : a.ann(JpaNames.COLUMN).orElse(null);
        Ident name = ctx.naming().physical(Optional.ofNullable(column).map(c -> c.string("name", "")).filter(s -> !s.isBlank())
                .orElse(a.name()));
        ColumnShape shape = ColumnShape.of(column);
        if (site.bv() != Site.Bv.OFF) {
            shape = BeanValidation.shape(a, a.type(), shape);
        }
        requireTypeOnly(a, shape);
        ColumnTypes.Typed typed = types.resolve(a, a.type(), name, shape);
        boolean nullable = !ColumnNullability.notNull(a, column, site);
        if (site.bv() == Site.Bv.ON && BeanValidation.notNull(a)) {
            nullable = false;
        }
        ColumnSpec spec = ColumnSpec.of(name, typed.type()).withNullable(nullable)
                .withUnique(column != null && column.bool("unique", false))
                .withField(site.path() + a.name());
        for (String check : typed.checks()) {
            spec = spec.withCheck(check);
        }
        spec = hibernateExtras(a, spec, site);
        if (site.bv() != Site.Bv.OFF) {
            for (String check : BeanValidation.checks(a, name)) {
                spec = spec.withCheck(check);
            }
        }
        return spec;
    }

    /** {@code @ColumnDefault}, {@code @Comment} and {@code @Check} on the field. */
    ColumnSpec hibernateExtras(Attribute a, ColumnSpec spec, Site site) {
        ColumnSpec result = spec;
        Optional<AnnotationView> dflt = a.ann(JpaNames.COLUMN_DEFAULT);
        if (dflt.isPresent()) {
            result = result.withDefault(dflt.get().string("value", null));
        }
        Optional<AnnotationView> comment = a.ann(JpaNames.COMMENT);
        if (comment.isPresent()) {
            result = result.withComment(comment.get().string("value", null));
        }
        Optional<AnnotationView> check = a.ann(JpaNames.CHECK);
        if (check.isPresent()) {
            String name = check.get().string("name", "");
            String expression = check.get().string("constraints", "");
            if (name.isBlank()) {
                result = result.withCheck(expression);
            } else {
                site.table().namedColumnChecks.add(new TableSpec.CheckSpec(name, expression));
            }
        }
        return result;
    }

    /** A column definition that says more than the type (compiled once: asked for every column that has one). */
    private static final java.util.regex.Pattern MORE_THAN_A_TYPE =
            java.util.regex.Pattern.compile(".*\\b(not null|null|default|check|unique|primary key|references|generated)\\b.*");

    private static void requireTypeOnly(Attribute a, ColumnShape shape) {
        String def = shape.columnDefinition();
        if (def != null && MORE_THAN_A_TYPE.matcher(def.toLowerCase(java.util.Locale.ROOT)).matches()) {
            throw new MappingProblem(a.node(), "columnDefinition \"" + def + "\" of field " + a.name()
                    + " holds more than a type", "keep only the type in columnDefinition and use nullable, @ColumnDefault, "
                    + "@Check or unique for the rest");
        }
    }
}
