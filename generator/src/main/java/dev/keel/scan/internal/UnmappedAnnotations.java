package dev.keel.scan.internal;

import java.util.List;
import java.util.Optional;

/**
 * Hibernate annotations that change the schema in a way keel does not map: each is refused where it is written, with
 * what Hibernate makes of it and what to write instead, so that no column, table or type Hibernate creates is silently
 * missing from keel's schema. Those that map no column at all (a to-one joined by {@code @JoinFormula}) are
 * {@link #mapsNoColumn}; annotations that change no DDL on PostgreSQL ({@code @Immutable}, {@code @Synchronize},
 * {@code @ColumnTransformer}, {@code @PartitionKey}, {@code @RowId}, {@code @SecondaryRow}, {@code @ListIndexBase},
 * {@code @Bag}, {@code @Source}, {@code @CurrentTimestamp}...) need no rule (oracle sample {@code realworld8}).
 */
final class UnmappedAnnotations {
    private UnmappedAnnotations() {}

    static final String JOIN_FORMULA = JpaNames.HIB + "JoinFormula";
    static final String JOIN_COLUMN_OR_FORMULA = JpaNames.HIB + "JoinColumnOrFormula";
    static final String JOIN_COLUMNS_OR_FORMULAS = JpaNames.HIB + "JoinColumnsOrFormulas";

    /**
     * An attribute-level annotation keel refuses: what Hibernate does with it, and what to write instead; {@code fqn}, its
     * name in {@code org.hibernate.annotations}, made once (looked for on every attribute of every entity).
     */
    private record Refusal(String simpleName, String hibernate, String fix, String fqn) {
        Refusal(String simpleName, String hibernate, String fix) {
            this(simpleName, hibernate, fix, JpaNames.HIB + simpleName);
        }
    }

    private static final List<Refusal> ATTRIBUTE = List.of(
            new Refusal("Any", "Hibernate maps a discriminator column (named by @Column, else the field's name; varchar(255) for"
                    + " @AnyDiscriminator(STRING)) and a key column (the @JoinColumn it requires, typed by @AnyKeyJavaClass or"
                    + " @AnyKeyJdbcTypeCode), both nullable, without a foreign key",
                    "map the two columns as basic fields (the discriminator as a String or an enum, the key as the ids' type)"
                            + " and look the entity up in code, or exclude the entity from the app"),
            new Refusal("ManyToAny", "Hibernate maps a join table (@JoinTable) holding the owner's key, a key column (its"
                    + " inverseJoinColumns) and a discriminator column (@Column), without a primary key and with a foreign key to"
                    + " the owner only",
                    "map the join table as an entity (@ManyToOne to the owner, basic discriminator and key fields),"
                            + " or exclude the entity from the app"),
            new Refusal("CollectionId", "Hibernate adds a NOT NULL id column to the collection's table (@CollectionId(column),"
                    + " typed by @CollectionIdJdbcTypeCode, @CollectionIdJavaType or @CollectionIdType), filled by its"
                    + " generator, and makes it alone the table's primary key",
                    "map the collection table as an entity with its own @Id and a @ManyToOne to each side, or remove"
                            + " @CollectionId (the table then has no primary key, as for any bag)"),
            new Refusal("Columns", "Hibernate maps the value to the several columns @Columns lists (a composite user type)",
                    "map the value as an @Embeddable with one attribute per column"),
            new Refusal("CompositeType", "Hibernate maps the embeddable's columns through a CompositeUserType keel cannot read",
                    "map the value as an @Embeddable whose attributes are the columns"),
            new Refusal("Collate", "Hibernate writes the column's type followed by the collation (varchar(255) collate \"C\")",
                    "create the collation in a migration (RunSQL: alter table ... alter column ... type ... collate ...)"
                            + " and remove @Collate, or exclude the entity from the app"),
            new Refusal("Struct", "Hibernate creates a composite type (create type ... as (...)) and stores the value in one"
                    + " column of that type",
                    "remove @Struct so the embeddable's attributes are columns of the table, or store it as JSON with"
                            + " @JdbcTypeCode(SqlTypes.JSON)"),
            new Refusal("Target", "Hibernate maps the attribute as the class @Target names",
                    "declare the field with the class @Target names (for a relation, targetEntity does the same)"),
            new Refusal("MapKeyJavaType", "Hibernate types the map key column by a JavaType class keel cannot run",
                    "type the key column with @MapKeyJdbcTypeCode, which keel reads"),
            new Refusal("MapKeyType", "Hibernate types the map key column by a UserType class keel cannot run",
                    "type the key column with @MapKeyJdbcTypeCode, which keel reads"),
            new Refusal("MapKeyJdbcType", "Hibernate types the map key column by a JdbcType class keel cannot run",
                    "type the key column with @MapKeyJdbcTypeCode, which keel reads"),
            new Refusal("MapKeyCompositeType", "Hibernate maps the map key through a CompositeUserType keel cannot read",
                    "use an @Embeddable map key"),
            new Refusal("CollectionType", "Hibernate maps the collection through a UserCollectionType keel cannot read",
                    "use a List, Set or Map, or exclude the entity from the app"));

    /** Type annotations whose column type is only known by running the class they name, unless the column says. */
    private static final List<String> LIST_INDEX_TYPES = List.of("ListIndexJavaType", "ListIndexJdbcType", "ListIndexJdbcTypeCode");
    /** Their names in {@code org.hibernate.annotations}, in the same order. */
    private static final List<String> LIST_INDEX_TYPE_NAMES = LIST_INDEX_TYPES.stream().map(n -> JpaNames.HIB + n).toList();

    /**
     * Refuses the attribute's annotations that change the schema in a way keel does not map ({@link #ATTRIBUTE}),
     * {@code @JavaType} without a JDBC type or a {@code columnDefinition} that decides the column, a
     * {@code @ListIndex...} type without the order column's {@code columnDefinition}, a {@code @JoinColumnOrFormula}
     * that joins by columns too, and an embeddable marked {@code @Struct}.
     */
    static void refuse(ScanContext ctx, Attribute a) {
        a.ann(JpaNames.HIB + "PartitionKey").filter(p -> ctx.has(HibernateRule.PARTITION_KEY_IN_PRIMARY_KEY)).ifPresent(p -> {
            throw new MappingProblem(p.node(), "@PartitionKey on field " + a.name() + ": Hibernate 7 adds its column to the"
                    + " entity's primary key, and every foreign key to the entity (its collection tables' too) must then hold"
                    + " it; keel does not map that yet", "remove @PartitionKey (Hibernate 6.6 changes no DDL for it), or"
                    + " make the column part of the key yourself (@IdClass or @EmbeddedId)");
        });
        a.ann(JpaNames.ORDER_COLUMN).ifPresent(o -> {
            String type = a.type().name();
            if (ctx.has(HibernateRule.ORDER_COLUMN_ON_LIST_ONLY) && !type.equals("java.util.List")
                    && a.type().arrayDepth() == 0) {
                throw new MappingProblem(o.node(), "@OrderColumn on field " + a.name() + " of type " + type + ": Hibernate 7"
                        + " refuses to start (\"annotated '@OrderColumn' but is not of type 'java.util.List'\"); 6.6 ignored it",
                        "declare the field as a java.util.List, or remove @OrderColumn");
            }
        });
        for (Refusal r : ATTRIBUTE) {
            Optional<AnnotationView> ann = a.ann(r.fqn());
            if (ann.isPresent()) {
                throw problem(ann.get(), a, r);
            }
        }
        if (ctx.isAnnotated(a.type().name(), JpaNames.HIB + "Struct") && !a.has(JpaNames.JDBC_TYPE_CODE)) {
            throw new MappingProblem(a.node(), "field " + a.name() + " has type " + a.type().name() + ", which is marked"
                    + " @Struct: Hibernate creates a composite type (create type ... as (...)) and stores the value in one column"
                    + " of that type; keel does not map composite types",
                    "remove @Struct from " + a.type().name() + " so its attributes are columns of the table, or store it as"
                            + " JSON with @JdbcTypeCode(SqlTypes.JSON)");
        }
        a.ann(JpaNames.HIB + "JavaType").ifPresent(j -> {
            if (!a.has(JpaNames.JDBC_TYPE_CODE) && !a.has(JpaNames.JDBC_TYPE) && !hasDefinition(a.ann(JpaNames.COLUMN))) {
                throw new MappingProblem(j.node(), "@JavaType on field " + a.name() + ": Hibernate types the column by what"
                        + " the JavaType class recommends, which keel cannot know without running it",
                        "say the column's type too: @JdbcTypeCode(SqlTypes....) or @Column(columnDefinition = \"...\")");
            }
        });
        for (int i = 0; i < LIST_INDEX_TYPES.size(); i++) {
            String name = LIST_INDEX_TYPES.get(i);
            a.ann(LIST_INDEX_TYPE_NAMES.get(i)).ifPresent(t -> {
                if (!hasDefinition(a.ann(JpaNames.ORDER_COLUMN))) {
                    throw new MappingProblem(t.node(), "@" + name + " on field " + a.name() + ": Hibernate types the order"
                            + " column by it; keel does not read it", "write the order column's type with"
                            + " @OrderColumn(columnDefinition = \"...\"), or remove @" + name + " (the column is then integer)");
                }
            });
        }
        for (AnnotationView part : orFormulas(a)) {
            if (part.annotation("column").filter(c -> !c.string("name", "").isBlank()).isPresent()) {
                throw new MappingProblem(part.node(), "@JoinColumnOrFormula with a column on field " + a.name()
                        + ": Hibernate maps the column parts as join columns beside the formula parts; keel maps a relation"
                        + " joined by formulas only", "join by columns only (@JoinColumns), or by formulas only"
                        + " (@JoinFormula), with the columns mapped as read-only basic fields");
            }
        }
    }

    /** An entity-level annotation keel refuses, if the entity carries one. */
    static Optional<MappingProblem> refuseEntity(ScanContext ctx, TypeInfo type) {
        return ctx.annotation(type, JpaNames.HIB + "View").map(v -> new MappingProblem(v.node(), "@View on entity "
                + type.simpleName() + ": Hibernate creates a view (create view ... as <query>) for it, not a table; keel"
                + " does not map views", "create the view in a migration (RunSQL) and map the entity with"
                + " @Subselect(\"select * from <view>\") and @Immutable, for which keel creates no table"));
    }

    /**
     * Whether the attribute maps no column: a to-one joined by {@code @JoinFormula} (alone, or through
     * {@code @JoinColumnOrFormula}s that are all formulas) is read by a query; Hibernate maps no column and no foreign
     * key for it.
     */
    static boolean mapsNoColumn(Attribute a) {
        if (a.has(JpaNames.FORMULA) || a.has(JOIN_FORMULA)) {
            return true;
        }
        List<AnnotationView> parts = orFormulas(a);
        return !parts.isEmpty() && parts.stream().allMatch(p -> p.annotation("column").filter(c -> !c.string("name", "").isBlank()).isEmpty());
    }

    private static List<AnnotationView> orFormulas(Attribute a) {
        var parts = new java.util.ArrayList<AnnotationView>();
        for (AnnotationView ann : a.annotations()) {
            if (ann.fqn().equals(JOIN_COLUMN_OR_FORMULA)) {
                parts.add(ann);
            } else if (ann.fqn().equals(JOIN_COLUMNS_OR_FORMULAS)) {
                parts.addAll(ann.annotations("value"));
            }
        }
        return parts;
    }

    private static boolean hasDefinition(Optional<AnnotationView> column) {
        return column.filter(c -> !c.string("columnDefinition", "").isBlank()).isPresent();
    }

    private static MappingProblem problem(AnnotationView ann, Attribute a, Refusal r) {
        return new MappingProblem(ann.node(), "@" + r.simpleName() + " on field " + a.name() + ": " + r.hibernate()
                + "; keel does not map it yet", r.fix());
    }
}
