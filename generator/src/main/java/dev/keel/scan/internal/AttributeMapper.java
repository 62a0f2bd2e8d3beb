package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends each attribute to the rule that maps it: relations to {@link Relations}, element collections
 * to {@link ElementCollections}, embeddables here, and everything else to {@link BasicColumns}.
 * A problem in one attribute is recorded and the scan goes on with the next.
 */
public final class AttributeMapper {
    private final ScanContext ctx;
    private final BasicColumns basics;
    private final AccessRules access;
    private final JsonAggregates aggregates;
    private Relations relations;
    private ElementCollections collections;
    private CollectionIndexes indexes;

    public AttributeMapper(ScanContext ctx, BasicColumns basics) {
        this.ctx = ctx;
        this.basics = basics;
        this.access = new AccessRules(ctx);
        this.aggregates = new JsonAggregates(ctx, this, basics);
    }

    /** Wires the rules that need this mapper in turn. */
    public void use(Relations relationRules, ElementCollections collectionRules, CollectionIndexes indexRules) {
        this.relations = relationRules;
        this.collections = collectionRules;
        this.indexes = indexRules;
    }

    /** The rules of associations. */
    public Relations relations() {
        return relations;
    }

    /** The rules of collection indexes (order columns and map keys). */
    public CollectionIndexes indexes() {
        return indexes;
    }

    /** The context. */
    public ScanContext ctx() {
        return ctx;
    }

    /** The access rules (which members are attributes). */
    public AccessRules access() {
        return access;
    }

    /** Maps one attribute, recording any problem instead of throwing. */
    public void mapGuarded(Attribute a, Site site) {
        try {
            map(a, site);
        } catch (MappingProblem p) {
            ctx.problems().add(a.owner().file(), p.node(), p.getMessage(), p.fix());
        } catch (Values.Unresolved u) {
            ctx.problems().add(a.owner().file(), u.node(), u.getMessage(),
                    "write the value as a literal or a static final constant of a scanned class");
        }
    }

    /** Maps one attribute at a site. */
    public void map(Attribute a, Site site) {
        rejectUnsupported(a);
        if (a.has(JpaNames.FORMULA)) {
            return;
        }
        if (a.has(JpaNames.MANY_TO_ONE) || a.has(JpaNames.ONE_TO_ONE)) {
            relations.toOne(a, site);
        } else if (a.has(JpaNames.ONE_TO_MANY)) {
            relations.oneToMany(a, site);
        } else if (a.has(JpaNames.MANY_TO_MANY)) {
            relations.manyToMany(a, site);
        } else if (a.has(JpaNames.ELEMENT_COLLECTION)) {
            collections.map(a, site);
        } else if (isEmbedded(a)) {
            embedded(a, site);
        } else {
            ColumnSpec column = basics.map(a, site);
            addColumn(site, a, column);
            aggregates.check(a, column, site).ifPresent(c -> site.table().checks.add(new TableSpec.CheckSpec(null, c)));
        }
    }

    /** Adds a column, refusing a second column of the same name (Hibernate refuses it too). */
    public void addColumn(Site site, Attribute a, ColumnSpec column) {
        Optional<ColumnSpec> existing = site.table().column(column.name());
        if (existing.isPresent()) {
            if (site.subclass() && existing.get().type().equals(column.type())) {
                return;
            }
            throw new MappingProblem(a.node(), "column " + column.name().db() + " of table " + site.table().name().db()
                    + " is mapped twice (again by field " + a.name() + ")",
                    "give one of the fields another column name, e.g. with @Column(name) or @AttributeOverride");
        }
        site.table().add(column);
    }

    /**
     * Whether the attribute's columns are an embeddable's. An embeddable stored whole in one column (an aggregate:
     * {@code @JdbcTypeCode(SqlTypes.JSON)}, {@code @JdbcType} or a {@code @Type}) is a single column instead.
     */
    private boolean isEmbedded(Attribute a) {
        if (a.has(JpaNames.JDBC_TYPE_CODE) || a.has(JpaNames.JDBC_TYPE) || a.has(JpaNames.TYPE)) {
            return false;
        }
        if (a.has(JpaNames.EMBEDDED) || a.has(JpaNames.EMBEDDED_ID)) {
            return true;
        }
        return a.type().arrayDepth() == 0 && ctx.isAnnotated(a.type().name(), JpaNames.EMBEDDABLE)
                && !a.has(JpaNames.CONVERT);
    }

    /** Maps an embedded attribute's columns, with its {@code @AttributeOverride}s. */
    void embedded(Attribute a, Site site) {
        TypeInfo type = ctx.index().type(a.type().name()).orElseThrow(() -> new MappingProblem(a.node(),
                "embeddable " + a.type() + " of field " + a.name() + " is not in the scanned sources",
                "add its source root to keel.json \"sourceRoots\""));
        if (ctx.annotation(type, JpaNames.EMBEDDABLE).isEmpty()) {
            throw new MappingProblem(a.node(), "field " + a.name() + " embeds " + type.fqn() + ", which is not @Embeddable",
                    "annotate " + type.simpleName() + " with @Embeddable");
        }
        Site inner = site.into(a.name(), overrides(a), innerBv(a, site));
        for (Attribute child : hierarchyAttributes(type, AccessRules.memberAccess(a))) {
            map(child, inner);
        }
    }

    /**
     * {@code @AttributeOverride} columns on an attribute, by attribute path; for a Map, those of its value
     * ({@code name = "value.x"}, by {@code x}), as Hibernate reads only those for a Map's value.
     */
    public Map<String, AnnotationView> overrides(Attribute a) {
        Map<String, AnnotationView> all = allOverrides(a);
        if (!a.type().isMap()) {
            return all;
        }
        var result = new HashMap<String, AnnotationView>();
        all.forEach((path, column) -> {
            if (path.startsWith("value.")) {
                result.put(path.substring("value.".length()), column);
            }
        });
        return result;
    }

    /** Every {@code @AttributeOverride} column on an attribute, by the path as written. */
    public Map<String, AnnotationView> allOverrides(Attribute a) {
        var result = new HashMap<String, AnnotationView>();
        var list = new ArrayList<AnnotationView>();
        a.annotations().stream().filter(x -> x.fqn().equals(JpaNames.ATTRIBUTE_OVERRIDE)).forEach(list::add);
        a.ann(JpaNames.ATTRIBUTE_OVERRIDES).ifPresent(c -> list.addAll(c.annotations("value")));
        for (AnnotationView o : list) {
            result.put(o.string("name", ""), o.annotation("column").orElse(null));
        }
        return result;
    }

    private static Site.Bv innerBv(Attribute a, Site site) {
        if (site.bv() == Site.Bv.OFF || !a.has("jakarta.validation.Valid")) {
            return Site.Bv.OFF;
        }
        return site.bv() == Site.Bv.ON && BeanValidation.notNull(a) ? Site.Bv.ON : Site.Bv.NO_NOT_NULL;
    }

    private static void rejectUnsupported(Attribute a) {
        if (a.has(JpaNames.MAPS_ID)) {
            throw new MappingProblem(a.node(), "@MapsId on " + a.name() + " outside the root of its entity hierarchy (or outside an entity)",
                    "declare the @MapsId relation in the root entity (or a mapped superclass above it), next to the @Id");
        }
        for (String fqn : List.of(JpaNames.ASSOCIATION_OVERRIDE)) {
            if (a.has(fqn)) {
                throw new MappingProblem(a.node(), "@" + fqn.substring(fqn.lastIndexOf('.') + 1) + " on field " + a.name()
                        + " is not supported by keel yet", "map the columns explicitly, or exclude the entity from the app");
            }
        }
        for (AnnotationView ann : a.annotations()) {
            if (ann.fqn().startsWith("javax.persistence.")) {
                throw new MappingProblem(ann.node(), "@" + ann.fqn() + " is the old javax namespace; Hibernate 6 reads jakarta.persistence",
                        "import jakarta.persistence." + ann.fqn().substring("javax.persistence.".length()));
            }
        }
    }

    /**
     * The attributes of a class and its mapped superclasses (and, for embeddables, embeddable
     * superclasses), superclasses first, stopping below {@code stopAt} (exclusive; null = no stop).
     */
    public List<Attribute> hierarchyAttributes(EntityInfo entity, EntityInfo stopAt) {
        var chain = new ArrayList<TypeInfo>();
        for (Optional<TypeInfo> t = Optional.of(entity.type()); t.isPresent(); t = ctx.superclass(t.get())) {
            if (stopAt != null && t.get().fqn().equals(stopAt.type().fqn())) {
                break;
            }
            boolean mapped = t.get() == entity.type() || ctx.annotation(t.get(), JpaNames.MAPPED_SUPERCLASS).isPresent()
                    || ctx.annotation(t.get(), JpaNames.ENTITY).isPresent();
            if (mapped) {
                chain.add(0, t.get());
            }
        }
        AccessRules.Kind dflt = access.entityDefault(entity.type());
        var result = new ArrayList<Attribute>();
        chain.forEach(t -> result.addAll(access.declared(t, dflt)));
        return result;
    }

    /**
     * The attributes of the embeddable elements (or keys) of a collection attribute {@code a} of
     * {@code entity}: by the collection's {@code @Access}, else by the access of the entity's identifier.
     */
    public List<Attribute> elementAttributes(Attribute a, TypeInfo embeddable, EntityInfo entity) {
        return hierarchyAttributes(embeddable, AccessRules.explicit(a.annotations()).orElse(access.identifierAccess(entity)));
    }

    /**
     * The attributes of an embeddable and its mapped or embeddable superclasses, superclasses first, when
     * {@code embedding} is the access type of the place that embeds it.
     */
    public List<Attribute> hierarchyAttributes(TypeInfo embeddable, AccessRules.Kind embedding) {
        var chain = new ArrayList<TypeInfo>();
        for (Optional<TypeInfo> t = Optional.of(embeddable); t.isPresent(); t = ctx.superclass(t.get())) {
            if (t.get() == embeddable || ctx.annotation(t.get(), JpaNames.MAPPED_SUPERCLASS).isPresent()
                    || ctx.annotation(t.get(), JpaNames.EMBEDDABLE).isPresent()) {
                chain.add(0, t.get());
            }
        }
        var result = new ArrayList<Attribute>();
        chain.forEach(t -> result.addAll(access.declared(t, embedding)));
        return result;
    }
}
