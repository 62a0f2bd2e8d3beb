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
        ColumnDefinition definition = definition(a, shape);
        if (definition != null && definition.moreThanAType()) {
            shape = shape.withDefinition(definition.type());
        }
        SerialColumns.Serial serial = definition == null ? null : SerialColumns.of(definition.type()).orElse(null);
        if (serial != null) {
            shape = shape.withDefinition(serial.type());
        }
        ColumnTypes.Typed typed = normalized(a, types.resolve(a, a.type(), name, shape), shape);
        boolean nullable = !ColumnNullability.notNull(a, column, site, ctx.has(HibernateRule.BASIC_PRIMITIVE_NOT_NULL));
        if (nullable && ctx.has(HibernateRule.SUBCLASS_NOT_NULL_CHECK) && !site.component() && !site.id()
                && !SingleTableChecks.optional(a)) {
            site.table().require(site.entity(), a.name(), name);
        }
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
        if (definition != null && definition.moreThanAType()) {
            spec = definitionClauses(spec, definition);
        }
        if (serial != null) {
            // what PostgreSQL makes of "name serial": NOT NULL, and the next value of the column's own sequence by default
            String sequence = SerialColumns.sequenceName(site.table().schema, site.table().name().db(), name.db());
            site.table().serialSequences.add(sequence);
            spec = spec.withNullable(false).withDefault(SerialColumns.nextval(sequence));
        }
        if (site.bv() != Site.Bv.OFF) {
            for (String check : BeanValidation.checks(a, name)) {
                spec = spec.withCheck(check);
            }
        }
        return spec;
    }

    /**
     * The column Hibernate adds beside an {@code OffsetDateTime}, {@code ZonedDateTime} or {@code OffsetTime} stored
     * with {@code @TimeZoneStorage(COLUMN)} or {@code AUTO} (on PostgreSQL, whose {@code timestamp with time zone}
     * keeps no offset, AUTO is COLUMN): the offset in seconds, {@code integer}, nullable, named by
     * {@code @TimeZoneColumn} or {@code <column>_tz}. The other storage types keep the offset in no column.
     */
    java.util.Optional<ColumnSpec> timeZoneColumn(Attribute a, ColumnSpec column) {
        Optional<AnnotationView> storage = a.ann(JpaNames.HIB + "TimeZoneStorage");
        String kind = storage.map(s -> s.enumName("value", "DEFAULT")).orElse("DEFAULT");
        if (!(kind.equals("COLUMN") || kind.equals("AUTO")) || !ZONED.contains(a.type().name())) {
            return Optional.empty();
        }
        Optional<AnnotationView> tz = a.ann(JpaNames.HIB + "TimeZoneColumn");
        String written = tz.map(t -> t.string("name", "")).orElse("");
        Ident name = written.isBlank() ? new Ident(column.name().text() + "_tz", column.name().quoted())
                : ctx.naming().physical(written);
        SqlType type = SqlType.fixed("integer", 4);
        String definition = tz.map(t -> t.string("columnDefinition", "")).orElse("");
        if (!definition.isBlank()) {
            type = type.withDdl(definition.strip());
        }
        return Optional.of(ColumnSpec.of(name, type));
    }

    /**
     * {@code @TimeZoneStorage(NORMALIZE)}: Hibernate converts the value to the JVM's time zone and stores it in a
     * column without time zone ({@code timestamp(6)}, {@code time(6)}); the other types keep the written type.
     */
    private static ColumnTypes.Typed normalized(Attribute a, ColumnTypes.Typed typed, ColumnShape shape) {
        boolean normalize = a.ann(JpaNames.HIB + "TimeZoneStorage").map(s -> s.enumName("value", "DEFAULT"))
                .filter("NORMALIZE"::equals).isPresent();
        String ddl = typed.type().ddl();
        if (!normalize || shape.columnDefinition() != null || !ZONED.contains(a.type().name()) || !ddl.endsWith(" with time zone")) {
            return typed;
        }
        return new ColumnTypes.Typed(typed.type().withDdl(ddl.substring(0, ddl.length() - " with time zone".length())), typed.checks());
    }

    private static final java.util.Set<String> ZONED = java.util.Set.of("java.time.OffsetDateTime", "java.time.ZonedDateTime",
            "java.time.OffsetTime");

    /** {@code @ColumnDefault}, {@code @Comment}, {@code @Check} and {@code @GeneratedColumn} on the field. */
    ColumnSpec hibernateExtras(Attribute a, ColumnSpec spec, Site site) {
        ColumnSpec result = spec;
        Optional<AnnotationView> generated = a.ann(JpaNames.GENERATED_COLUMN);
        if (generated.isPresent()) {
            // Hibernate writes "generated always as (<value>) stored" after the type
            result = result.withGenerated(generated.get().string("value", null));
        }
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

    /** The columnDefinition read, or null when there is none; a clause keel does not read is a problem at the field. */
    private static ColumnDefinition definition(Attribute a, ColumnShape shape) {
        String def = shape.columnDefinition();
        if (def == null) {
            return null;
        }
        try {
            return ColumnDefinition.parse(def);
        } catch (ColumnDefinition.Unsupported u) {
            throw new MappingProblem(a.node(), "columnDefinition \"" + def + "\" of field " + a.name() + " says " + u.getMessage()
                    + ", which keel does not read (it reads a type followed by NOT NULL, NULL, DEFAULT, CHECK (...), UNIQUE and"
                    + " GENERATED ALWAYS AS (...) STORED)",
                    "keep the type (and those clauses) in columnDefinition; say the rest with the mapping: @Id, @ManyToOne,"
                            + " @GeneratedValue, @Check");
        }
    }

    /** What a columnDefinition says after its type, as PostgreSQL applies it to the column Hibernate writes. */
    private static ColumnSpec definitionClauses(ColumnSpec spec, ColumnDefinition definition) {
        ColumnSpec result = spec;
        if (definition.notNull()) {
            result = result.withNullable(false);
        }
        if (definition.defaultSql() != null) {
            result = result.withDefault(definition.defaultSql());
        }
        if (definition.unique()) {
            result = result.withUnique(true);
        }
        if (definition.check() != null) {
            result = result.withCheck(definition.check());
        }
        if (definition.generated() != null) {
            result = result.withGenerated(definition.generated());
        }
        return result;
    }
}
