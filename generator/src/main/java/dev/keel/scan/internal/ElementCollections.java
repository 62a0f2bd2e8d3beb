package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @ElementCollection}: a collection table ({@code @CollectionTable} or {@code <Entity>_<field>})
 * with the owner's key, the element's column(s) (a basic value or an embeddable with overrides; a Map's
 * value), the index ({@link CollectionIndexes}: an {@code @OrderColumn} or a Map's key), and the primary
 * key Hibernate gives it: owner + index for an ordered list or a Map, owner + element columns for a set
 * whose element columns are all NOT NULL, else none.
 */
public final class ElementCollections {
    private final ScanContext ctx;
    private final Schema schema;
    private final AttributeMapper mapper;
    private final Relations relations;
    private final ColumnTypes types;

    public ElementCollections(ScanContext ctx, Schema schema, AttributeMapper mapper, Relations relations, ColumnTypes types) {
        this.ctx = ctx;
        this.schema = schema;
        this.mapper = mapper;
        this.relations = relations;
        this.types = types;
    }

    /** Maps an element collection of the entity at {@code site}. */
    public void map(Attribute a, Site site) {
        TypeRef element = Relations.element(a);
        TableSpec owner = site.table();
        // Hibernate reads a @JoinTable on an element collection as its collection table (name, schema, join columns,
        // foreign key, unique constraints, indexes) when there is no @CollectionTable
        Optional<AnnotationView> ct = a.ann(JpaNames.COLLECTION_TABLE).or(() -> a.ann(JpaNames.JOIN_TABLE));
        String written = ct.map(c -> c.string("name", "")).orElse("");
        Ident name = Namespaces.table(written.isBlank()
                ? ctx.naming().physical(site.entity().entityName() + "_" + a.name(), owner.name().quoted())
                : ctx.naming().physical(written),
                ct.<com.github.javaparser.ast.Node>map(AnnotationView::node).orElse(a.node()), "CollectionTable");
        String schemaName = Namespaces.schema(ctx, ct);
        TableSpec table = new TableSpec(owner.app(), name.db(), null, name, schemaName, a.owner().file(), a.line());
        List<ColumnSpec> ownerCols = relations.keyColumns(a, ct.map(c -> c.annotations("joinColumns")).orElse(List.of()),
                owner, site.entity().entityName(), null);
        ownerCols.forEach(c -> table.add(c.withNullable(false)));
        int before = table.columns().size();
        if (ctx.isAnnotated(element.name(), JpaNames.ENTITY)) {
            throw new MappingProblem(a.node(), "element collection " + a.name() + " holds entities (" + element.name() + ")",
                    "use @OneToMany or @ManyToMany for entities");
        }
        if (ctx.isAnnotated(element.name(), JpaNames.EMBEDDABLE) && !types.isConverted(a, element)) {
            TypeInfo embeddable = ctx.index().type(element.name()).orElseThrow();
            Site inner = Site.collectionElements(table, site.entity(), mapper.overrides(a));
            for (Attribute child : mapper.elementAttributes(a, embeddable, site.entity())) {
                mapper.map(child, inner);
            }
        } else {
            table.add(basicElement(a, element, site));
        }
        List<ColumnSpec> elementCols = new ArrayList<>(table.columns().subList(before, table.columns().size()));
        table.columns().replaceAll(c -> c.withField(null));
        List<Ident> pk = new ArrayList<>(ownerCols.stream().map(ColumnSpec::name).toList());
        List<Ident> index = mapper.indexes().addToTable(a, table, site);
        if (!index.isEmpty()) {
            pk.addAll(index);
            table.primaryKey = pk;
        } else if (a.type().isSet() && elementCols.stream().noneMatch(ColumnSpec::nullable)) {
            pk.addAll(elementCols.stream().map(ColumnSpec::name).toList());
            table.primaryKey = pk;
        }
        SoftDeletes.collection(ctx, a, table);
        ct.ifPresent(c -> TableConstraints.apply(ctx, c, table));
        table.addForeignKey(ForeignKeyChoice.collectionTable(ct).to(ownerCols.stream().map(ColumnSpec::name).toList(), owner)
                .onDelete(Relations.onDelete(a.ann(JpaNames.ON_DELETE))));
        schema.addOther(table);
    }

    private ColumnSpec basicElement(Attribute a, TypeRef element, Site owner) {
        AnnotationView column = a.ann(JpaNames.COLUMN).orElse(null);
        String written = column == null ? "" : column.string("name", "");
        Ident name = ctx.naming().physical(written.isBlank() ? a.name() : written);
        ColumnShape shape = ColumnShape.of(column);
        ColumnTypes.Typed typed = types.resolve(a, element, name, shape);
        ColumnSpec spec = ColumnSpec.of(name, typed.type()).withNullable(!ColumnNullability.elementNotNull(a, column, owner))
                .withUnique(column != null && column.bool("unique", false));
        for (String check : typed.checks()) {
            spec = spec.withCheck(check);
        }
        return spec;
    }
}
