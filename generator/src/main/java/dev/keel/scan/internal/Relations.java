package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Associations: {@code @ManyToOne} and owning {@code @OneToOne} as join columns with a foreign key
 * ({@code @ForeignKey(NO_CONSTRAINT)} keeps the relation without a database constraint); owning
 * {@code @ManyToMany} and unidirectional {@code @OneToMany} as join tables, or a unidirectional
 * {@code @OneToMany} with {@code @JoinColumn} as a column of the target's table. Inverse sides
 * ({@code mappedBy}) map nothing.
 *
 * <p>Like Hibernate, which binds collection keys in a second pass, the column and foreign key of a
 * {@code @OneToMany @JoinColumn} are added once every entity's own attributes are mapped
 * ({@link #bindCollectionKeys()}): a column the target already maps (its {@code @ManyToOne} over the
 * same column, or a basic field) stays as the target maps it, and the two foreign keys are one.
 */
public final class Relations {
    private final ScanContext ctx;
    private final EntityCatalog catalog;
    private final Schema schema;
    private final AttributeMapper mapper;
    private final List<Runnable> collectionKeys = new ArrayList<>();
    private Map<String, Set<String>> inverseManyToMany;
    /** The files read to find {@link #inverseManyToMany} (every entity's), for {@link MappingRecorder}. */
    private Set<java.nio.file.Path> inverseManyToManyReads;

    public Relations(ScanContext ctx, EntityCatalog catalog, Schema schema, AttributeMapper mapper) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.schema = schema;
        this.mapper = mapper;
    }

    /** {@code @ManyToOne} or {@code @OneToOne}. */
    public void toOne(Attribute a, Site site) {
        boolean oneToOne = a.has(JpaNames.ONE_TO_ONE);
        AnnotationView rel = a.ann(oneToOne ? JpaNames.ONE_TO_ONE : JpaNames.MANY_TO_ONE).orElseThrow();
        if (!rel.string("mappedBy", "").isEmpty()) {
            return;
        }
        TableSpec target = targetKeyTable(a, rel, a.type());
        List<AnnotationView> joins = joinColumns(a);
        joins.stream().filter(j -> !j.string("table", "").isBlank()
                && !ctx.naming().physical(j.string("table", "")).db().equals(site.table().name().db())).findFirst().ifPresent(j -> {
            throw new MappingProblem(j.node(), "@JoinColumn(table = \"" + j.string("table", "") + "\") of field " + a.name()
                    + " puts a relation's key in a secondary table, which keel does not map yet",
                    "keep the relation's join column in the entity's own table, or map the secondary table as an entity"
                            + " joined with @OneToOne @MapsId");
        });
        boolean mandatory = !rel.bool("optional", true) || joins.stream().anyMatch(j -> !j.bool("nullable", true));
        // Hibernate 7 leaves the column of a mandatory relation of a single-table subclass nullable (its subclass check
        // holds it instead); 6.6 made it NOT NULL
        boolean forcedNull = site.subclass() && ctx.has(HibernateRule.SUBCLASS_TO_ONE_NULLABLE);
        boolean notNull = (forcedNull ? joins.stream().anyMatch(j -> !j.bool("nullable", true)) : mandatory)
                || site.bv() == Site.Bv.ON && BeanValidation.notNull(a) || site.id();
        boolean unique = oneToOne || joins.stream().anyMatch(j -> j.bool("unique", false));
        List<ColumnSpec> columns = keyColumns(a, joins, target, a.name(), site.path() + a.name());
        List<Ident> names = new ArrayList<>();
        for (ColumnSpec c : columns) {
            ColumnSpec col = c.withNullable(!notNull).withUnique(unique && columns.size() == 1);
            mapper.addColumn(site, a, col);
            names.add(col.name());
            if (mandatory && col.nullable() && !site.component() && !site.id() && ctx.has(HibernateRule.SUBCLASS_NOT_NULL_CHECK)) {
                site.table().require(site.entity(), a.name(), col.name());
            }
        }
        if (unique && columns.size() > 1 && !inheritedPerClass(a, site)) {
            site.table().uniques.add(new TableSpec.UniqueSpec(null, inKeyAttributeOrder(names, target)));
        }
        TableSpec.ForeignKeySpec fk = foreignKey(joinForeignKey(a), names, target)
                .onDelete(inheritedPerClass(a, site) ? null : onDelete(a.ann(JpaNames.ON_DELETE)));
        if (a.has(JpaNames.HIB + "NotFound")) {
            // @NotFound: the target row may be missing, so Hibernate creates no constraint (whatever @ForeignKey says)
            fk = new TableSpec.ForeignKeySpec(fk.name(), fk.columns(), fk.target(), false, fk.onDelete());
        }
        site.table().addForeignKey(fk);
    }

    /**
     * An owning {@code @OneToOne} through the primary key ({@code @PrimaryKeyJoinColumn}, or join columns
     * that are the key's): no column of its own; a foreign key from the key to the target's only when the
     * relation is not optional, as Hibernate binds it.
     */
    public void primaryKeyOneToOne(Attribute a, Site site) {
        AnnotationView rel = a.ann(JpaNames.ONE_TO_ONE).orElseThrow();
        TableSpec target = targetKeyTable(a, rel, a.type());
        if (target.primaryKeyColumns().size() != site.table().primaryKey().size()) {
            throw new MappingProblem(a.node(), "one-to-one " + a.name() + " joins the primary key of "
                    + site.table().name().db() + " (" + site.table().primaryKey().size() + " columns) to that of "
                    + target.name().db() + " (" + target.primaryKeyColumns().size() + " columns)",
                    "give both entities keys of the same columns, or map the relation with its own @JoinColumn");
        }
        if (!rel.bool("optional", true)) {
            site.table().foreignKeys.add(foreignKey(joinForeignKey(a), site.table().primaryKey(), target)
                    .onDelete(onDelete(a.ann(JpaNames.ON_DELETE))));
        }
    }

    /** {@code @OneToMany}: nothing with {@code mappedBy}, else a join column or a join table. */
    public void oneToMany(Attribute a, Site site) {
        AnnotationView rel = a.ann(JpaNames.ONE_TO_MANY).orElseThrow();
        if (!rel.string("mappedBy", "").isEmpty()) {
            if (a.has(JpaNames.ON_DELETE)) {
                throw new MappingProblem(a.node(), "@OnDelete on the inverse one-to-many " + a.name() + " is not supported by keel yet",
                        "put @OnDelete on the @ManyToOne field that owns the foreign key");
            }
            if (a.type().isMap() || a.has(JpaNames.ORDER_COLUMN)) {
                withPerClassCopies(targetTable(a, rel, element(a))).forEach(t -> mapper.indexes().addToTarget(a, t));
            }
            return;
        }
        TypeRef element = element(a);
        List<AnnotationView> joins = joinColumns(a);
        if (joins.isEmpty() || joinTable(a).isPresent()) {
            joinTable(a, site, targetKeyTable(a, rel, element), true);
            return;
        }
        TableSpec target = targetTable(a, rel, element);
        List<ColumnSpec> columns = keyColumns(a, joins, site.table(), a.name(), null);
        boolean notNull = joins.stream().anyMatch(j -> !j.bool("nullable", true));
        boolean unique = joins.stream().anyMatch(j -> j.bool("unique", false));
        TableSpec.ForeignKeySpec fk = foreignKey(joinForeignKey(a), columns.stream().map(ColumnSpec::name).toList(), site.table())
                .onDelete(onDelete(a.ann(JpaNames.ON_DELETE)));
        List<TableSpec> targets = withPerClassCopies(target);
        collectionKeys.add(() -> {
            for (TableSpec t : targets) {
                for (ColumnSpec c : columns) {
                    if (!t.hasColumn(c.name())) {
                        t.add(c.withNullable(!notNull).withUnique(unique && columns.size() == 1));
                    }
                }
                t.addForeignKey(fk);
            }
        });
        targets.forEach(t -> mapper.indexes().addToTarget(a, t));
    }

    /**
     * {@code table} and, when it is a TABLE_PER_CLASS entity's, the tables of the concrete entities below it: each
     * repeats every column of the tables above it, those other entities' collections add to them too (Hibernate's
     * subclass tables copy the parent's columns and foreign keys as they are at the end of the mapping).
     */
    private List<TableSpec> withPerClassCopies(TableSpec table) {
        if (!table.union) {
            return List.of(table); // only a TABLE_PER_CLASS table with subclasses (or an abstract one) has copies
        }
        EntityInfo owner = catalog.all().stream().filter(e -> e.strategy() == EntityInfo.Strategy.TABLE_PER_CLASS)
                .filter(e -> schema.tableOf(e).orElse(null) == table).findFirst().orElse(null);
        if (owner == null) {
            return List.of(table);
        }
        var result = new java.util.ArrayList<TableSpec>();
        result.add(table);
        catalog.all().stream().filter(d -> d != owner && d.isOrExtends(owner)).map(schema::tableOf).flatMap(Optional::stream)
                .filter(t -> !t.virtual && !result.contains(t)).forEach(result::add);
        return result;
    }

    /**
     * Adds the key columns and foreign keys of the {@code @OneToMany @JoinColumn} collections mapped so
     * far to their targets' tables; called once every entity's attributes are mapped.
     */
    public void bindCollectionKeys() {
        collectionKeys.forEach(Runnable::run);
        collectionKeys.clear();
    }

    /** {@code @ManyToMany}: nothing with {@code mappedBy}, else a join table. */
    public void manyToMany(Attribute a, Site site) {
        AnnotationView rel = a.ann(JpaNames.MANY_TO_MANY).orElseThrow();
        if (!rel.string("mappedBy", "").isEmpty()) {
            return;
        }
        joinTable(a, site, targetKeyTable(a, rel, element(a)), false);
    }

    /**
     * A join table: the owner's key, the target's key (unique for a one-to-many), and the primary key
     * Hibernate gives it (owner + target for a set, owner + order column for an ordered list, none for a bag).
     */
    private void joinTable(Attribute a, Site site, TableSpec target, boolean oneToMany) {
        Optional<AnnotationView> jt = joinTable(a);
        TableSpec owner = site.table();
        String written = jt.map(j -> j.string("name", "")).orElse("");
        Ident name = Namespaces.table(written.isBlank()
                ? ctx.naming().physical(ctx.naming().joinTable(owner.name(), a.name(), target.name()),
                        owner.name().quoted() || target.name().quoted())
                : ctx.naming().physical(written), jt.<com.github.javaparser.ast.Node>map(AnnotationView::node).orElse(a.node()), "JoinTable");
        String schemaName = Namespaces.schema(ctx, jt);
        TableSpec table = new TableSpec(owner.app(), name.db(), null, name, schemaName, a.owner().file(), a.line());
        List<AnnotationView> ownerJoins = jt.map(j -> j.annotations("joinColumns")).orElse(List.of());
        boolean implicit = ownerJoins.isEmpty() || ownerJoins.stream().anyMatch(j -> j.string("name", "").isBlank());
        String ownerPrefix = implicit ? inverseSide(a, site.entity()).orElse(site.entity().entityName()) : site.entity().entityName();
        List<ColumnSpec> ownerCols = keyColumns(a, ownerJoins, owner, ownerPrefix, null);
        List<ColumnSpec> targetCols = keyColumns(a, jt.map(j -> j.annotations("inverseJoinColumns")).orElse(List.of()),
                target, a.name(), null);
        ownerCols.forEach(c -> table.add(c.withNullable(false)));
        for (ColumnSpec c : targetCols) {
            table.add(c.withNullable(false).withUnique(oneToMany && targetCols.size() == 1));
        }
        if (oneToMany && targetCols.size() > 1) {
            table.uniques.add(new TableSpec.UniqueSpec(null, inKeyAttributeOrder(targetCols.stream().map(ColumnSpec::name).toList(), target)));
        }
        List<Ident> pk = new ArrayList<>(ownerCols.stream().map(ColumnSpec::name).toList());
        List<Ident> index = mapper.indexes().addToTable(a, table, site);
        if (!index.isEmpty()) {
            pk.addAll(index);
            table.primaryKey = pk;
        } else if (CollectionIndexes.keyedLikeASet(a)) {
            pk.addAll(targetCols.stream().map(ColumnSpec::name).toList());
            table.primaryKey = pk;
        }
        SoftDeletes.collection(ctx, a, table);
        jt.ifPresent(j -> TableConstraints.apply(ctx, j, table));
        table.addForeignKey(jt.map(ForeignKeyChoice::joinTableOwner).orElse(ForeignKeyChoice.of(Optional.empty()))
                .to(ownerCols.stream().map(ColumnSpec::name).toList(), owner).onDelete(onDelete(a.ann(JpaNames.ON_DELETE))));
        table.addForeignKey(jt.map(ForeignKeyChoice::joinTableInverse).orElse(ForeignKeyChoice.of(Optional.empty()))
                .to(targetCols.stream().map(ColumnSpec::name).toList(), target));
        schema.addOther(table);
    }

    /**
     * The attribute of the inverse side ({@code @ManyToMany(mappedBy)}) of the owning collection
     * {@code a} of {@code owner}, if some entity declares one: Hibernate names the owner's implicit join
     * columns after it. Like Hibernate, an inverse side is one whose element type is the owner's class
     * and whose {@code mappedBy} names the attribute.
     */
    private Optional<String> inverseSide(Attribute a, EntityInfo owner) {
        if (inverseManyToMany == null) {
            var frame = MappingRecorder.begin();
            try {
                inverseManyToMany = inverseManyToManySides();
            } finally {
                inverseManyToManyReads = MappingRecorder.end(frame, null);
            }
        } else {
            MappingRecorder.replay(inverseManyToManyReads);
        }
        Set<String> names = inverseManyToMany.getOrDefault(owner.type().fqn() + "." + a.name(), Set.of());
        if (names.size() > 1) {
            throw new MappingProblem(a.node(), "field " + a.name() + " of " + owner.entityName() + " has several inverse sides "
                    + names + " that Hibernate could name its join column after",
                    "name the join column with @JoinTable(joinColumns = @JoinColumn(name = ...))");
        }
        return names.stream().findFirst();
    }

    /** Every {@code @ManyToMany(mappedBy)} attribute name, by {@code <element class>.<mappedBy>}. */
    private Map<String, Set<String>> inverseManyToManySides() {
        var result = new HashMap<String, Set<String>>();
        for (EntityInfo e : catalog.all()) {
            for (Attribute attribute : mapper.hierarchyAttributes(e, e.parent())) {
                try {
                    Optional<AnnotationView> rel = attribute.ann(JpaNames.MANY_TO_MANY);
                    String mappedBy = rel.map(r -> r.string("mappedBy", "")).orElse("");
                    Optional<String> element = rel.flatMap(r -> elementClass(attribute, r));
                    if (!mappedBy.isEmpty() && element.isPresent()) {
                        result.computeIfAbsent(element.get() + "." + mappedBy, k -> new LinkedHashSet<>()).add(attribute.name());
                    }
                } catch (Values.Unresolved ignored) {
                    // reported where the attribute itself is mapped
                }
            }
        }
        return result;
    }

    /** The class a collection association holds: {@code targetEntity}, else the (map value) type argument. */
    private static Optional<String> elementClass(Attribute a, AnnotationView rel) {
        String target = rel.classRef("targetEntity");
        if (target != null && !target.equals("void")) {
            return Optional.of(target);
        }
        List<TypeRef> args = a.type().args();
        if (a.type().isMap() && args.size() == 2) {
            return Optional.of(args.get(1).name());
        }
        return a.type().isCollection() && args.size() == 1 ? Optional.of(args.get(0).name()) : Optional.empty();
    }

    /**
     * Key columns referencing {@code key}: named by {@code joins} (matched by referencedColumnName, else
     * by position) or implicitly {@code <prefix>_<referenced column>}; typed like the referenced column.
     */
    List<ColumnSpec> keyColumns(Attribute a, List<AnnotationView> joins, TableSpec targetTable, String prefix, String field) {
        List<ColumnSpec> key = targetTable.primaryKeyColumns();
        if (key.isEmpty()) {
            throw new MappingProblem(a.node(), "field " + a.name() + " refers to a table without a primary key",
                    "give the referenced entity an @Id");
        }
        if (!joins.isEmpty() && joins.size() != key.size()) {
            throw new MappingProblem(a.node(), "field " + a.name() + " names " + joins.size() + " join columns for a key of "
                    + key.size() + " columns", "name one @JoinColumn per key column");
        }
        var result = new ArrayList<ColumnSpec>();
        // Hibernate 7 pairs join columns without referencedColumnName with the key's attributes by name, 6.6 with its columns
        List<Integer> positions = ctx.has(HibernateRule.JOIN_COLUMNS_BY_KEY_ATTRIBUTE) ? attributeRanks(key)
                : java.util.stream.IntStream.range(0, key.size()).boxed().toList();
        for (int i = 0; i < key.size(); i++) {
            ColumnSpec ref = key.get(i);
            AnnotationView join = joins.isEmpty() ? null : matching(a, joins, ref, positions.get(i));
            String written = join == null ? "" : join.string("name", "");
            Ident name = written.isBlank() ? implicitName(prefix, ref, targetTable) : ctx.naming().physical(written);
            ColumnSpec col = ref.asReference(name);
            String definition = join == null ? "" : join.string("columnDefinition", "");
            if (!definition.isBlank()) {
                col = col.withType(col.type().withDdl(definition.strip()));
            }
            if (field != null) {
                col = col.withField(key.size() == 1 ? field : field + "." + ref.name().db());
            }
            result.add(col);
        }
        return result;
    }

    /**
     * For each column of a composite key (in the key's order), its place among the key's attributes sorted by name; the
     * key's own order when a column has no attribute.
     */
    private static List<Integer> attributeRanks(List<ColumnSpec> key) {
        if (key.stream().anyMatch(c -> c.field() == null)) {
            return java.util.stream.IntStream.range(0, key.size()).boxed().toList();
        }
        List<String> sorted = key.stream().map(ColumnSpec::field).sorted().toList();
        return key.stream().map(c -> sorted.indexOf(c.field())).toList();
    }

    /**
     * Whether {@code a} is mapped into a TABLE_PER_CLASS subclass's table from an entity above it (or a mapped superclass
     * above that): Hibernate's subclass table repeats the columns and foreign keys of the one above, but not its unique
     * keys (over several columns, or of a natural id) nor the {@code @OnDelete} action of its foreign keys.
     */
    boolean inheritedPerClass(Attribute a, Site site) {
        EntityInfo e = site.entity();
        return e.strategy() == EntityInfo.Strategy.TABLE_PER_CLASS && e.parent() != null
                && mapper.attributesOf(e, e.parent()).mapped().stream().noneMatch(own -> own.node() == a.node());
    }

    /**
     * The columns that reference {@code target}'s composite key (given in the order of its key columns), in the order of
     * the key's attributes by name: Hibernate 6.6 writes the unique key of a one-to-one, or of a one-to-many's join
     * table, over them so (the embedded id's attributes, or the {@code @IdClass} ids, sorted), not in the key's order.
     */
    static List<Ident> inKeyAttributeOrder(List<Ident> columns, TableSpec target) {
        List<ColumnSpec> key = target.primaryKeyColumns();
        if (key.size() != columns.size() || key.stream().anyMatch(c -> c.field() == null)) {
            return columns;
        }
        var order = new ArrayList<Integer>();
        for (int i = 0; i < key.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparing(i -> key.get(i).field()));
        return order.stream().map(columns::get).toList();
    }

    /**
     * {@code <prefix>_<referenced column>} through the naming rules; quoted when the referenced table or
     * column is quoted, as Hibernate does.
     */
    private Ident implicitName(String prefix, ColumnSpec ref, TableSpec targetTable) {
        return ctx.naming().physical(prefix + "_" + ref.name().text(), ref.name().quoted() || targetTable.name().quoted());
    }

    private AnnotationView matching(Attribute a, List<AnnotationView> joins, ColumnSpec ref, int position) {
        for (AnnotationView j : joins) {
            String referenced = j.string("referencedColumnName", "");
            if (!referenced.isBlank() && ctx.naming().physical(referenced).db().equals(ref.name().db())) {
                return j;
            }
        }
        AnnotationView j = joins.get(position);
        String referenced = j.string("referencedColumnName", "");
        if (!referenced.isBlank()) {
            throw new MappingProblem(j.node(), "join column of field " + a.name() + " references column " + referenced
                    + ", which is not a primary-key column; keel supports references to primary keys only",
                    "reference the target's primary key");
        }
        return j;
    }

    /** Whether an attribute is a relation ({@code @ManyToOne}, {@code @OneToOne}, {@code @OneToMany}, {@code @ManyToMany}). */
    static boolean isRelation(Attribute a) {
        return a.has(JpaNames.MANY_TO_ONE) || a.has(JpaNames.ONE_TO_ONE) || a.has(JpaNames.ONE_TO_MANY) || a.has(JpaNames.MANY_TO_MANY);
    }

    /** The class-level {@code @AssociationOverride} applied to a relation ({@link AttributeMapper#attributesOf}), if any. */
    private static Optional<AnnotationView> override(Attribute a) {
        return a.ann(JpaNames.APPLIED_ASSOCIATION_OVERRIDE);
    }

    /** The {@code @JoinTable} of a relation: a class-level {@code @AssociationOverride}'s when it writes one. */
    static Optional<AnnotationView> joinTable(Attribute a) {
        Optional<AnnotationView> over = override(a).filter(o -> o.has("joinTable")).flatMap(o -> o.annotation("joinTable"));
        return over.isPresent() ? over : a.ann(JpaNames.JOIN_TABLE);
    }

    /**
     * The {@code @JoinColumn}s of an attribute (also inside {@code @JoinColumns}); a class-level
     * {@code @AssociationOverride}'s when it writes some.
     */
    static List<AnnotationView> joinColumns(Attribute a) {
        List<AnnotationView> over = override(a).map(o -> o.annotations("joinColumns")).orElse(List.of());
        if (!over.isEmpty()) {
            return over;
        }
        var list = new ArrayList<AnnotationView>();
        a.annotations().stream().filter(x -> x.fqn().equals(JpaNames.JOIN_COLUMN)).forEach(list::add);
        a.ann(JpaNames.JOIN_COLUMNS).ifPresent(c -> list.addAll(c.annotations("value")));
        return list;
    }

    static Optional<AnnotationView> joinForeignKey(Attribute a) {
        Optional<AnnotationView> over = override(a);
        if (over.isPresent()) {
            // Hibernate 6.6 names the key by the override's foreignKey alone: neither the relation's own @JoinColumn's
            // nor one inside the override's join columns counts (oracle sample overrides)
            return over.get().has("foreignKey") ? over.get().annotation("foreignKey") : Optional.empty();
        }
        Optional<AnnotationView> fromColumns = a.ann(JpaNames.JOIN_COLUMNS).flatMap(c -> c.annotation("foreignKey"));
        if (fromColumns.isPresent()) {
            return fromColumns;
        }
        return joinColumns(a).stream().map(j -> j.annotation("foreignKey")).flatMap(Optional::stream).findFirst();
    }

    /** A foreign key from {@code columns} to {@code target}'s primary key, as {@code @ForeignKey} (if any) asks. */
    static TableSpec.ForeignKeySpec foreignKey(Optional<AnnotationView> fk, List<Ident> columns, TableSpec target) {
        return ForeignKeyChoice.of(fk).to(columns, target);
    }

    /**
     * The referential action Hibernate's {@code @OnDelete} asks for, as SQL ({@code CASCADE},
     * {@code SET NULL}...), or null for none: on a to-one, its foreign key; on a collection, the
     * collection table's key to the owner; on a JOINED subclass, its key to the parent table.
     */
    static String onDelete(Optional<AnnotationView> annotation) {
        String action = annotation.map(o -> o.enumName("action", "NO_ACTION")).orElse("NO_ACTION");
        return action.equals("NO_ACTION") ? null : action.replace('_', ' ');
    }

    /** The element type of a collection attribute, a Map's value type ({@code targetEntity} wins). */
    static TypeRef element(Attribute a) {
        if (a.type().isMap()) {
            return MapKeys.valueType(a);
        }
        if (!a.type().isCollection() || a.type().args().size() != 1) {
            throw new MappingProblem(a.node(), "field " + a.name() + " of type " + a.type() + " is not a List, Set or Collection "
                    + "with one type argument", "declare it as List<Target> or Set<Target>");
        }
        return a.type().args().get(0);
    }

    /** The table whose primary key a relation to {@code type} (or {@code targetEntity}) references. */
    TableSpec targetTable(Attribute a, AnnotationView rel, TypeRef type) {
        return targetTable(a, rel, type, false);
    }

    /**
     * {@link #targetTable}, for a relation that reads only the target's interface (its names, schema and key columns,
     * {@link EntityRemap#iface}) and writes nothing into its table: a to-one's join columns, a join table's.
     */
    private TableSpec targetKeyTable(Attribute a, AnnotationView rel, TypeRef type) {
        return targetTable(a, rel, type, true);
    }

    private TableSpec targetTable(Attribute a, AnnotationView rel, TypeRef type, boolean keyOnly) {
        String fqn = Optional.ofNullable(rel.classRef("targetEntity")).filter(s -> !s.equals("void")).orElse(type.name());
        EntityInfo target = catalog.entity(fqn).orElseThrow(() -> LibraryEntities.container(ctx, fqn)
                .map(jar -> new MappingProblem(a.node(), "field " + a.name() + " refers to " + fqn + ", "
                        + LibraryEntities.described(jar), LibraryEntities.fix(fqn)))
                .orElseGet(() -> new MappingProblem(a.node(), "field " + a.name()
                + " refers to " + fqn + ", which is not an entity of any app in keel.json",
                "put the entity under an app's package, or add an app for its package")));
        return (keyOnly ? schema.keyTableOf(target) : schema.tableOf(target)).orElseThrow(() -> new MappingProblem(a.node(), "field " + a.name() + " refers to "
                + target.entityName() + ", an abstract TABLE_PER_CLASS entity without a table of its own",
                "refer to a concrete entity"));
    }
}
