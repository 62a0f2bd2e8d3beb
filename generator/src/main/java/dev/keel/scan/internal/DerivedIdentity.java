package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derived identifiers ({@code @MapsId} on a {@code @ManyToOne} or {@code @OneToOne}), as Hibernate 6.6
 * maps them: the relation's join columns become the primary-key columns they stand for, with the names
 * the relation gives them ({@code @JoinColumn}, else {@code <relation>_<referenced column>}) and the
 * types of the identifier attributes they replace, and a foreign key to the referenced entity.
 * <ul>
 *   <li>a simple {@code @Id} with {@code @MapsId}: the id column is the join column;</li>
 *   <li>an {@code @EmbeddedId} with {@code @MapsId("attribute")}: that attribute's column is the join column;</li>
 *   <li>an {@code @EmbeddedId} with {@code @MapsId} and no value: the whole id is the referenced entity's
 *       key, attribute by attribute.</li>
 * </ul>
 * The id is then never generated. The relation maps nothing else.
 */
public final class DerivedIdentity {
    private final ScanContext ctx;
    private final EntityCatalog catalog;
    private final AttributeMapper mapper;

    public DerivedIdentity(ScanContext ctx, EntityCatalog catalog, AttributeMapper mapper) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** The {@code @MapsId} relations of an entity's hierarchy (declared by its root or a mapped superclass above it). */
    public List<Attribute> relations(EntityInfo entity) {
        return mapper.hierarchyAttributes(entity.root(), null).stream().filter(a -> a.has(JpaNames.MAPS_ID)).toList();
    }

    /**
     * The entities whose keys the key of {@code entity} is made of: the targets of its {@code @MapsId}
     * relations and of its {@code @Id} relations.
     */
    public List<EntityInfo> keySources(EntityInfo entity) {
        var result = new ArrayList<EntityInfo>();
        for (Attribute a : mapper.hierarchyAttributes(entity.root(), null)) {
            boolean keyRelation = (a.has(JpaNames.MAPS_ID) || a.has(JpaNames.ID))
                    && (a.has(JpaNames.MANY_TO_ONE) || a.has(JpaNames.ONE_TO_ONE));
            if (keyRelation) {
                try {
                    catalog.entity(targetName(a)).ifPresent(result::add);
                } catch (Values.Unresolved ignored) {
                    // reported when the relation is mapped
                }
            }
        }
        return result;
    }

    private static String targetName(Attribute a) {
        AnnotationView rel = a.ann(JpaNames.MANY_TO_ONE).or(() -> a.ann(JpaNames.ONE_TO_ONE)).orElseThrow();
        return Optional.ofNullable(rel.classRef("targetEntity")).filter(s -> !s.equals("void")).orElse(a.type().name());
    }

    /**
     * Turns the identifier columns that {@code relations} derive into their join columns, in
     * {@code idColumns} (the id columns just mapped into {@code table}, in order), and adds the foreign keys.
     * Returns the id columns after the change.
     */
    public List<ColumnSpec> apply(List<Attribute> ids, List<Attribute> relations, TableSpec table, List<ColumnSpec> idColumns) {
        List<ColumnSpec> result = new ArrayList<>(idColumns);
        Set<String> derived = new HashSet<>();
        for (Attribute r : relations) {
            try {
                derive(ids, r, table, result, derived);
            } catch (MappingProblem p) {
                ctx.problems().add(r.owner().file(), p.node(), p.getMessage(), p.fix());
            } catch (Values.Unresolved u) {
                ctx.problems().add(r.owner().file(), u.node(), u.getMessage(), u.fixOr("write the value as a literal or a static final constant"));
            }
        }
        return result;
    }

    private void derive(List<Attribute> ids, Attribute r, TableSpec table, List<ColumnSpec> idColumns, Set<String> derived) {
        boolean oneToOne = r.has(JpaNames.ONE_TO_ONE);
        AnnotationView rel = r.ann(oneToOne ? JpaNames.ONE_TO_ONE : JpaNames.MANY_TO_ONE).orElseThrow(() -> new MappingProblem(r.node(),
                "@MapsId on " + r.name() + ", which is not a @ManyToOne or @OneToOne", "put @MapsId on the relation to the parent entity"));
        if (ids.size() != 1) {
            throw new MappingProblem(r.node(), "@MapsId on " + r.name() + " in an entity with " + ids.size() + " identifier attributes",
                    "use one @Id or one @EmbeddedId with @MapsId");
        }
        Attribute id = ids.get(0);
        String value = r.ann(JpaNames.MAPS_ID).orElseThrow().string("value", "");
        TableSpec target = mapper.relations().targetTable(r, rel, r.type());
        List<ColumnSpec> refs = target.primaryKeyColumns();
        List<ColumnSpec> joins = mapper.relations().keyColumns(r, Relations.joinColumns(r), target, r.name(), null);
        List<Integer> replaced = replacedColumns(id, value, r, refs, idColumns);
        var names = new ArrayList<Ident>();
        for (int i = 0; i < replaced.size(); i++) {
            int at = replaced.get(i);
            ColumnSpec before = idColumns.get(at);
            if (!derived.add(before.name().db())) {
                throw new MappingProblem(r.node(), "the identifier column " + before.name().db() + " is derived by two @MapsId relations",
                        "let each @MapsId name another attribute of the identifier");
            }
            ColumnSpec after = before.withName(joins.get(i).name()).withType(sized(before.type(), joins.get(i).type()));
            int position = table.columns().indexOf(before);
            if (!after.name().db().equals(before.name().db()) && table.hasColumn(after.name())) {
                throw new MappingProblem(r.node(), "column " + after.name().db() + " of table " + table.name().db()
                        + " is mapped twice (again by the @MapsId relation " + r.name() + ")",
                        "name the join column with @JoinColumn(name)");
            }
            table.columns().set(position, after);
            idColumns.set(at, after);
            names.add(after.name());
        }
        table.addForeignKey(Relations.foreignKey(Relations.joinForeignKey(r), names, target)
                .onDelete(Relations.onDelete(r.ann(JpaNames.ON_DELETE))));
    }

    /**
     * The type of a derived key column: the {@code @Id} attribute's type, sized like the key column it references (Hibernate
     * copies the referenced column's length, precision and scale onto the join column): a {@code String} id is
     * {@code varchar(255)} alone and {@code varchar(20)} when it derives a {@code varchar(20)} key, while an
     * {@code Integer} id deriving a {@code bigint} key stays {@code integer}.
     */
    static SqlType sized(SqlType own, SqlType referenced) {
        String base = own.ddl().replaceFirst("\\(.*$", "");
        return own.ddl().contains("(") && referenced.ddl().startsWith(base + "(") ? referenced : own;
    }

    /**
     * The positions in {@code idColumns} of the columns the relation derives, in the order of the
     * referenced key's columns.
     */
    private List<Integer> replacedColumns(Attribute id, String value, Attribute r, List<ColumnSpec> refs, List<ColumnSpec> idColumns) {
        boolean embedded = id.has(JpaNames.EMBEDDED_ID);
        if (!embedded) {
            if (!value.isEmpty() && !value.equals(id.name())) {
                throw new MappingProblem(r.node(), "@MapsId(\"" + value + "\") on " + r.name() + " names no identifier attribute of "
                        + id.owner().simpleName() + " (its @Id is " + id.name() + ")", "write @MapsId without a value");
            }
            requireSameSize(r, refs.size(), 1, id.name());
            return List.of(0);
        }
        String prefix = id.name() + "." + (value.isEmpty() ? "" : value);
        var positions = new ArrayList<Integer>();
        var paths = new ArrayList<String>();
        for (int i = 0; i < idColumns.size(); i++) {
            String field = idColumns.get(i).field();
            if (field != null && (value.isEmpty() ? field.startsWith(prefix) : field.equals(prefix) || field.startsWith(prefix + "."))) {
                positions.add(i);
                paths.add(field.substring(Math.min(field.length(), prefix.length() + (value.isEmpty() || field.equals(prefix) ? 0 : 1))));
            }
        }
        if (positions.isEmpty()) {
            throw new MappingProblem(r.node(), "@MapsId(\"" + value + "\") on " + r.name() + " names no attribute of the identifier "
                    + id.name() + " (" + id.type().name() + ")", "name an attribute of the @EmbeddedId class");
        }
        requireSameSize(r, refs.size(), positions.size(), value.isEmpty() ? id.name() : id.name() + "." + value);
        if (positions.size() == 1) {
            return positions;
        }
        var ordered = new ArrayList<Integer>();
        for (ColumnSpec ref : refs) {
            String refPath = relativePath(ref.field());
            int match = paths.indexOf(refPath);
            if (refPath == null || match < 0) {
                throw new MappingProblem(r.node(), "keel cannot tell which attribute of " + prefix + " stands for the column "
                        + ref.name().db() + " of the key " + r.name() + " refers to",
                        "give the identifier class the attributes of the referenced entity's identifier, with the same names");
            }
            ordered.add(positions.get(match));
        }
        return ordered;
    }

    /** The path of a key column below its identifier attribute ({@code id.lineNumber} is {@code lineNumber}). */
    private static String relativePath(String field) {
        if (field == null) {
            return null;
        }
        int dot = field.indexOf('.');
        return dot < 0 ? "" : field.substring(dot + 1);
    }

    private static void requireSameSize(Attribute r, int referenced, int derived, String what) {
        if (referenced != derived) {
            throw new MappingProblem(r.node(), "@MapsId on " + r.name() + " derives " + what + " (" + derived + " column"
                    + (derived == 1 ? "" : "s") + ") from a key of " + referenced + " column" + (referenced == 1 ? "" : "s"),
                    "make the identifier attribute match the referenced entity's identifier");
        }
    }
}
