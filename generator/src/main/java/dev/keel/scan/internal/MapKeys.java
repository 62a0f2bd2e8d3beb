package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key of a {@code Map} collection, as Hibernate 6.6 maps it:
 * <ul>
 *   <li>{@code @MapKey}: an attribute of the target entity, no column of its own;</li>
 *   <li>an entity key: join columns ({@code @MapKeyJoinColumn(s)}, else {@code <attribute>_KEY}) typed like
 *       the key entity's primary key, with a foreign key to it;</li>
 *   <li>an embeddable key: the embeddable's columns, with {@code @AttributeOverride(name = "key.x")};</li>
 *   <li>a basic key: one column ({@code @MapKeyColumn}, else {@code <attribute>_KEY}) typed by
 *       {@code @MapKeyEnumerated}, {@code @MapKeyTemporal}, {@code @MapKeyJdbcTypeCode},
 *       {@code @Convert(attributeName = "key")} and the column's length, precision, scale and definition.</li>
 * </ul>
 * In a collection or join table the key columns are NOT NULL and part of the primary key; on the target's
 * table (a one-to-many without join table) a basic key column is nullable and an entity key column is
 * NOT NULL only when an explicit {@code @MapKeyJoinColumn} leaves {@code nullable} false.
 */
public final class MapKeys {
    private final ScanContext ctx;
    private final EntityCatalog catalog;
    private final Schema schema;
    private final AttributeMapper mapper;
    private final ColumnTypes types;

    public MapKeys(ScanContext ctx, EntityCatalog catalog, Schema schema, AttributeMapper mapper, ColumnTypes types) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.schema = schema;
        this.mapper = mapper;
        this.types = types;
    }

    /** The value type of a Map attribute (its second type argument). */
    static TypeRef valueType(Attribute a) {
        requireArguments(a);
        return a.type().args().get(1);
    }

    /** The key type of a Map attribute: {@code @MapKeyClass}, else its first type argument. */
    TypeRef keyType(Attribute a) {
        String declared = a.ann(JpaNames.MAP_KEY_CLASS).map(c -> c.classRef("value")).filter(s -> !s.equals("void")).orElse(null);
        if (declared != null) {
            return TypeRef.of(declared);
        }
        requireArguments(a);
        return a.type().args().get(0);
    }

    private static void requireArguments(Attribute a) {
        if (a.type().args().size() != 2) {
            throw new MappingProblem(a.node(), "Map " + a.name() + " of type " + a.type() + " does not name its key and value types",
                    "declare it as Map<Key, Value>");
        }
    }

    /** Whether the key is an attribute of the target entity ({@code @MapKey}): no column of its own. */
    static boolean keyedByTargetAttribute(Attribute a) {
        return a.has(JpaNames.MAP_KEY);
    }

    /**
     * Adds the key columns of Map {@code a} to its collection or join {@code table} (NOT NULL) and returns
     * their names; none for {@code @MapKey}.
     */
    public List<Ident> addToTable(Attribute a, TableSpec table, Site site) {
        if (keyedByTargetAttribute(a)) {
            return List.of();
        }
        TypeRef key = keyType(a);
        List<ColumnSpec> columns;
        Optional<EntityInfo> entity = catalog.entity(key.name());
        if (entity.isPresent()) {
            columns = entityKey(a, table, entity.get(), true);
        } else if (ctx.isAnnotated(key.name(), JpaNames.EMBEDDABLE) && !types.isConverted(keyAttribute(a, key), key)) {
            columns = embeddableKey(a, key, table, site);
        } else {
            ColumnSpec column = basicKey(a, key);
            if (table.hasColumn(column.name())) {
                throw new MappingProblem(a.node(), "column " + column.name().db() + " of table " + table.name().db()
                        + " is mapped twice (again by the key of Map " + a.name() + ")", "name the key column with @MapKeyColumn(name)");
            }
            table.add(column);
            columns = List.of(column);
        }
        var names = new ArrayList<Ident>();
        for (ColumnSpec c : columns) {
            table.replace(c.withNullable(false).withField(null));
            names.add(c.name());
        }
        return names;
    }

    /**
     * Adds the key columns of Map {@code a} (a one-to-many without join table) to the target's
     * {@code table}, unless a column of that name is already there (the target maps it itself).
     */
    public void addToTarget(Attribute a, TableSpec table) {
        if (keyedByTargetAttribute(a)) {
            return;
        }
        TypeRef key = keyType(a);
        Optional<EntityInfo> entity = catalog.entity(key.name());
        if (entity.isPresent()) {
            entityKey(a, table, entity.get(), false);
            return;
        }
        if (ctx.isAnnotated(key.name(), JpaNames.EMBEDDABLE) && !types.isConverted(keyAttribute(a, key), key)) {
            throw new MappingProblem(a.node(), "the embeddable key of one-to-many Map " + a.name()
                    + " without a join table is not supported by keel", "use @MapKey to key the map by an attribute of the target, or a join table");
        }
        ColumnSpec column = basicKey(a, key).withNullable(true);
        if (!table.hasColumn(column.name())) {
            table.add(column);
        }
    }

    /** A basic key column, not yet added. */
    private ColumnSpec basicKey(Attribute a, TypeRef key) {
        AnnotationView column = a.ann(JpaNames.MAP_KEY_COLUMN).orElse(null);
        String written = column == null ? "" : column.string("name", "");
        Ident name = ctx.naming().physical(written.isBlank() ? a.name() + "_KEY" : written);
        ColumnTypes.Typed typed = types.resolve(keyAttribute(a, key), key, name, ColumnShape.of(column));
        ColumnSpec spec = ColumnSpec.of(name, typed.type()).withUnique(column != null && column.bool("unique", false));
        for (String check : typed.checks()) {
            spec = spec.withCheck(check);
        }
        return spec;
    }

    /**
     * The key as {@code a}'s key annotations describe it, read as the annotations of a value:
     * {@code @MapKeyEnumerated} as {@code @Enumerated}, {@code @MapKeyTemporal} as {@code @Temporal},
     * {@code @MapKeyJdbcTypeCode} as {@code @JdbcTypeCode}, {@code @Convert(attributeName = "key")} as {@code @Convert}.
     */
    static Attribute keyAttribute(Attribute a, TypeRef key) {
        var annotations = new ArrayList<AnnotationView>();
        for (AnnotationView ann : a.annotations()) {
            switch (ann.fqn()) {
                case JpaNames.MAP_KEY_ENUMERATED -> annotations.add(ann.as(JpaNames.ENUMERATED));
                case JpaNames.MAP_KEY_TEMPORAL -> annotations.add(ann.as(JpaNames.TEMPORAL));
                case JpaNames.MAP_KEY_JDBC_TYPE_CODE -> annotations.add(ann.as(JpaNames.JDBC_TYPE_CODE));
                case JpaNames.CONVERT -> {
                    if (ann.string("attributeName", "").equals("key")) {
                        annotations.add(ann.without("attributeName"));
                    }
                }
                default -> { }
            }
        }
        return new Attribute(a.name(), key, annotations, a.owner(), a.node());
    }

    /** The columns of an embeddable key, mapped into {@code table}. */
    private List<ColumnSpec> embeddableKey(Attribute a, TypeRef key, TableSpec table, Site site) {
        TypeInfo embeddable = ctx.index().type(key.name()).orElseThrow();
        Site inner = Site.of(table, site.entity(), false, false).into("key", keyOverrides(a), Site.Bv.OFF);
        int before = table.columns().size();
        for (Attribute child : mapper.elementAttributes(a, embeddable, site.entity())) {
            mapper.map(child, inner);
        }
        return List.copyOf(table.columns().subList(before, table.columns().size()));
    }

    /** {@code @AttributeOverride(name = "key.x")} of a Map attribute, by the key's attribute path. */
    Map<String, AnnotationView> keyOverrides(Attribute a) {
        var result = new HashMap<String, AnnotationView>();
        mapper.allOverrides(a).forEach((path, column) -> {
            if (path.startsWith("key.")) {
                result.put(path.substring("key.".length()), column);
            }
        });
        return result;
    }

    /** The join columns of an entity key, added to {@code table} with a foreign key to the key entity. */
    private List<ColumnSpec> entityKey(Attribute a, TableSpec table, EntityInfo keyEntity, boolean inTable) {
        TableSpec target = schema.tableOf(keyEntity).orElseThrow(() -> new MappingProblem(a.node(), "the key of Map " + a.name()
                + " is " + keyEntity.entityName() + ", an abstract TABLE_PER_CLASS entity without a table of its own",
                "key the map by a concrete entity"));
        List<AnnotationView> joins = new ArrayList<>();
        a.annotations().stream().filter(j -> j.fqn().equals(JpaNames.MAP_KEY_JOIN_COLUMN)).forEach(joins::add);
        a.ann(JpaNames.MAP_KEY_JOIN_COLUMNS).ifPresent(c -> joins.addAll(c.annotations("value")));
        List<ColumnSpec> key = target.primaryKeyColumns();
        List<ColumnSpec> columns;
        if (key.size() == 1 && joins.size() <= 1) {
            String written = joins.isEmpty() ? "" : joins.get(0).string("name", "");
            ColumnSpec column = key.get(0).asReference(ctx.naming().physical(written.isBlank() ? a.name() + "_KEY" : written));
            String definition = joins.isEmpty() ? "" : joins.get(0).string("columnDefinition", "");
            columns = List.of(definition.isBlank() ? column : column.withType(column.type().withDdl(definition.strip())));
        } else if (joins.isEmpty()) {
            throw new MappingProblem(a.node(), "Map " + a.name() + " is keyed by " + keyEntity.entityName() + ", whose primary key has "
                    + key.size() + " columns, without naming its key columns (Hibernate refuses it)",
                    "name one @MapKeyJoinColumn per key column in @MapKeyJoinColumns");
        } else {
            columns = mapper.relations().keyColumns(a, joins, target, a.name() + "_KEY", null);
        }
        boolean notNull = inTable || !joins.isEmpty() && joins.stream().noneMatch(j -> j.bool("nullable", false));
        var names = new ArrayList<Ident>();
        for (ColumnSpec c : columns) {
            if (!table.hasColumn(c.name())) {
                table.add(c.withNullable(!notNull));
            } else if (inTable) {
                throw new MappingProblem(a.node(), "column " + c.name().db() + " of table " + table.name().db()
                        + " is mapped twice (again by the key of Map " + a.name() + ")", "name the key column with @MapKeyJoinColumn(name)");
            }
            names.add(c.name());
        }
        Optional<AnnotationView> fk = a.ann(JpaNames.MAP_KEY_JOIN_COLUMNS).flatMap(c -> c.annotation("foreignKey"))
                .or(() -> joins.stream().map(j -> j.annotation("foreignKey")).flatMap(Optional::stream).findFirst());
        table.addForeignKey(Relations.foreignKey(fk, names, target));
        return columns.stream().map(c -> table.column(c.name()).orElseThrow()).toList();
    }
}
