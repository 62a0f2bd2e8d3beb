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
            site.table().markIncomplete();
            ctx.problems().add(a.owner().file(), p.node(), p.getMessage(), p.fix());
        } catch (Values.Unresolved u) {
            site.table().markIncomplete();
            ctx.problems().add(a.owner().file(), u.node(), u.getMessage(),
                    u.fixOr("write the value as a literal or a static final constant of a scanned class"));
        }
    }

    /** Maps one attribute at a site. */
    public void map(Attribute a, Site site) {
        rejectUnsupported(a);
        UnmappedAnnotations.refuse(ctx, a);
        if (UnmappedAnnotations.mapsNoColumn(a)) {
            return;
        }
        if (mapsToPrimaryKey(a, site)) {
            relations.primaryKeyOneToOne(a, site);
        } else if (a.has(JpaNames.MANY_TO_ONE) || a.has(JpaNames.ONE_TO_ONE)) {
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
            Site at = secondaryTable(a, site);
            ColumnSpec column = basics.map(a, at);
            addColumn(at, a, column);
            aggregates.check(a, column, at).ifPresent(c -> at.table().checks.add(new TableSpec.CheckSpec(null, c)));
            basics.timeZoneColumn(a, column).ifPresent(tz -> addColumn(at, a, tz));
        }
    }

    /**
     * The site of a basic attribute whose {@code @Column(table)} names one of the entity's {@code @SecondaryTable}s (an
     * {@code @AttributeOverride}'s column first); {@code site} itself otherwise.
     */
    private Site secondaryTable(Attribute a, Site site) {
        AnnotationView override = site.overrides().get(a.name());
        Optional<AnnotationView> column = override != null ? override.annotation("column") : a.ann(JpaNames.COLUMN);
        String written = column.map(c -> c.string("table", "")).orElse("");
        if (written.isBlank()) {
            return site;
        }
        Ident name = ctx.naming().physical(written);
        TableSpec secondary = site.table().secondaries.get(name.db());
        if (secondary == null && name.db().equals(site.table().name().db())) {
            return site;
        }
        if (secondary == null) {
            throw new MappingProblem(column.get().node(), "@Column(table = \"" + written + "\") of field " + a.name()
                    + " names no @SecondaryTable of entity " + site.entity().type().simpleName(),
                    "declare @SecondaryTable(name = \"" + written + "\") on " + site.entity().type().simpleName()
                            + ", or remove table from the @Column");
        }
        return site.withTable(secondary);
    }

    /**
     * Whether an owning {@code @OneToOne} goes through the entity's primary key: with
     * {@code @PrimaryKeyJoinColumn}, or with join columns that are exactly the primary-key columns (the
     * read-only twin of an {@code @Id}). Hibernate then maps no column of its own for it.
     */
    private boolean mapsToPrimaryKey(Attribute a, Site site) {
        Optional<AnnotationView> rel = a.ann(JpaNames.ONE_TO_ONE);
        if (rel.isEmpty() || !rel.get().string("mappedBy", "").isEmpty() || site.id() || !site.path().isEmpty()) {
            return false;
        }
        if (a.has(JpaNames.PRIMARY_KEY_JOIN_COLUMN) || a.has(JpaNames.PRIMARY_KEY_JOIN_COLUMN + "s")) {
            return true;
        }
        List<Ident> key = site.table().primaryKey();
        List<AnnotationView> joins = Relations.joinColumns(a);
        if (key == null || joins.isEmpty() || joins.size() != key.size()) {
            return false;
        }
        var keyNames = key.stream().map(Ident::db).toList();
        return joins.stream().allMatch(j -> !j.string("name", "").isBlank()
                && keyNames.contains(ctx.naming().physical(j.string("name", "")).db()));
    }

    /**
     * Adds the column of an attribute. A column mapped already (by a read-only copy, another entity on the
     * same table, a join table) is defined by the mapping Hibernate binds first ({@link Precedence}); a
     * column one entity writes twice (neither mapping {@code insertable = false, updatable = false}) is
     * refused, as Hibernate refuses it.
     */
    public void addColumn(Site site, Attribute a, ColumnSpec column) {
        boolean toOne = a.has(JpaNames.MANY_TO_ONE) || a.has(JpaNames.ONE_TO_ONE);
        String order = site.order() + Precedence.attributeOrder(superclasses(a.owner()), a.name());
        Precedence when = site.id() ? Precedence.key(site.entity(), order) : Precedence.attribute(site.entity(), toOne, order);
        if (writable(site, a, column, toOne)) {
            String what = "field " + site.path() + a.name();
            site.table().claim(column.name(), site.entity(), what).ifPresent(other -> {
                throw new MappingProblem(a.node(), "column " + column.name().db() + " of table " + site.table().name().db()
                        + " is written twice by entity " + site.entity().entityName() + ": by " + other.what()
                        + " and by " + what, "make one of the mappings read-only with insertable = false, updatable = false "
                        + "on its @Column or @JoinColumn, or give it another column name (@Column(name) or @AttributeOverride)");
            });
        }
        site.table().add(column, when);
    }

    /** Whether the attribute inserts or updates the column (Hibernate checks duplicates among those only). */
    private boolean writable(Site site, Attribute a, ColumnSpec column, boolean toOne) {
        AnnotationView mapping;
        if (toOne) {
            List<AnnotationView> joins = Relations.joinColumns(a);
            mapping = joins.stream().filter(j -> !j.string("name", "").isBlank()
                            && ctx.naming().physical(j.string("name", "")).db().equals(column.name().db()))
                    .findFirst().orElse(joins.size() == 1 ? joins.get(0) : null);
        } else {
            mapping = site.overrides().containsKey(a.name()) ? site.overrides().get(a.name()) : a.ann(JpaNames.COLUMN).orElse(null);
        }
        return mapping == null || mapping.bool("insertable", true) || mapping.bool("updatable", true);
    }

    /** How many scanned superclasses a class has (a superclass's attributes are bound before its subclass's). */
    private int superclasses(TypeInfo type) {
        return ctx.names().hierarchy(type, List.of()).size() - 1;
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
                "field " + a.name() + " embeds " + a.type().name() + ", which is declared neither in the source roots nor"
                        + " on " + ctx.classPath().described() + ": keel cannot see its fields (an @Embeddable from a jar)",
                unseenFix(a.type())));
        // @Embedded and @EmbeddedId make their class an embeddable, @Embeddable or not (Hibernate maps it all the same)
        if (ctx.annotation(type, JpaNames.ENTITY).isPresent()) {
            throw new MappingProblem(a.node(), "field " + a.name() + " embeds " + type.fqn() + ", which is an @Entity",
                    "map it as a relation (@ManyToOne, @OneToOne), or embed an @Embeddable class");
        }
        Site inner = site.into(a.name(), Precedence.attributeOrder(superclasses(a.owner()), a.name()), overrides(a),
                innerBv(a, site));
        List<Attribute> children = hierarchyAttributes(type, AccessRules.memberAccess(a), a.type().args());
        oneTable(a, type, children, inner);
        for (Attribute child : children) {
            map(child, inner);
        }
    }

    /**
     * Refuses an embeddable whose basic columns would go to two tables (the entity's and a secondary table, by
     * {@code @Column(table)} or an override): Hibernate refuses to start ("properties mapped to two different tables").
     */
    private void oneTable(Attribute a, TypeInfo type, List<Attribute> children, Site inner) {
        var tables = new java.util.TreeSet<String>();
        for (Attribute child : children) {
            boolean basic = !(child.has(JpaNames.MANY_TO_ONE) || child.has(JpaNames.ONE_TO_ONE) || child.has(JpaNames.ONE_TO_MANY)
                    || child.has(JpaNames.MANY_TO_MANY) || child.has(JpaNames.ELEMENT_COLLECTION) || UnmappedAnnotations.mapsNoColumn(child)
                    || isEmbedded(child));
            if (basic) {
                tables.add(secondaryTable(child, inner).table().name().db());
            }
        }
        if (tables.size() > 1) {
            throw new MappingProblem(a.node(), "the columns of embeddable " + type.simpleName() + " in field " + a.name()
                    + " go to two tables (" + String.join(" and ", tables) + "): Hibernate refuses to start",
                    "put every column of " + type.simpleName() + " in one table: the same @Column(table) on each of its"
                            + " attributes (or @AttributeOverride), or none");
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

    /**
     * The class-level {@code @AttributeOverride}s that apply to an entity's attributes, by attribute path
     * ({@code "id"}, {@code "price.amount"}): the entity's own, then its superclasses' (a subclass's wins).
     * On one class, a directly written {@code @AttributeOverride} hides an {@code @AttributeOverrides}
     * container beside it, as Hibernate reads them.
     */
    public Map<String, AnnotationView> classOverrides(EntityInfo entity) {
        var result = new HashMap<String, AnnotationView>();
        for (TypeNames.Level level : ctx.names().hierarchy(entity.type(), List.of())) {
            List<AnnotationView> annotations = ctx.annotations(level.type());
            List<AnnotationView> direct = annotations.stream().filter(x -> x.fqn().equals(JpaNames.ATTRIBUTE_OVERRIDE)).toList();
            List<AnnotationView> list = !direct.isEmpty() ? direct : annotations.stream()
                    .filter(x -> x.fqn().equals(JpaNames.ATTRIBUTE_OVERRIDES)).findFirst()
                    .map(c -> c.annotations("value")).orElse(List.of());
            for (AnnotationView o : list) {
                result.putIfAbsent(o.string("name", ""), o.annotation("column").orElse(null));
            }
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
     * The attributes of a class and its mapped superclasses (and entity superclasses), superclasses
     * first, stopping below {@code stopAt} (exclusive; null = no stop). A field that hides a persistent
     * field of a superclass by name maps nothing: Hibernate keeps the superclass's attribute. The type
     * variables of generic superclasses are replaced by what the class binds them to. An attribute whose
     * type variable the entity leaves unbound is left out: reported, unless entity subclasses bind it
     * ({@link #attributesOf}).
     */
    public List<Attribute> hierarchyAttributes(EntityInfo entity, EntityInfo stopAt) {
        return attributesOf(entity, stopAt).mapped();
    }

    /**
     * An entity's attributes: those it maps, and those typed by a type variable it leaves to its entity
     * subclasses ({@code V value} of {@code Setting<V>} in a single-table or joined hierarchy), whose
     * column Hibernate maps in this entity's table, typed as the first subclass in binding order that binds
     * the variable ({@link #specialized}).
     */
    public record EntityAttributes(List<Attribute> mapped, List<Attribute> generic) {}

    /** The attributes of an entity below {@code stopAt}, as {@link #hierarchyAttributes} and generic ones apart. */
    public EntityAttributes attributesOf(EntityInfo entity, EntityInfo stopAt) {
        var mapped = new ArrayList<Attribute>();
        var generic = new ArrayList<Attribute>();
        for (Found f : entityAttributes(entity, stopAt)) {
            if (f.unbound().isEmpty()) {
                mapped.add(f.attribute());
            } else if (boundBySubclasses(entity, f.attribute()) && ctx.has(HibernateRule.UNBOUND_GENERIC_REFUSED)) {
                ctx.problems().add(f.attribute().owner().file(), f.attribute().node(), "field " + f.attribute().name() + " of "
                        + f.attribute().owner().simpleName() + " has type variable " + f.unbound().get() + ", which "
                        + entity.type().simpleName() + " leaves to its entity subclasses: Hibernate 7 refuses to start"
                        + " (\"has an unbound type and no explicit target entity\"); Hibernate 6 mapped it",
                        "map the attribute in each subclass with its own type, or give it a type of its own in "
                                + entity.type().simpleName() + " (e.g. String, or @JdbcTypeCode(SqlTypes.JSON) Serializable)");
            } else if (boundBySubclasses(entity, f.attribute())) {
                generic.add(f.attribute());
            } else {
                reportUnbound(f.attribute(), entity.type(), f.unbound().get());
            }
        }
        return new EntityAttributes(mapped, generic);
    }

    /** A generic attribute as {@code subclass} binds it, if it binds every type variable it mentions. */
    public Optional<Attribute> specialized(Attribute generic, EntityInfo subclass) {
        return entityAttributes(subclass, null).stream()
                .filter(f -> f.attribute().name().equals(generic.name()) && f.attribute().owner() == generic.owner())
                .filter(f -> f.unbound().isEmpty()).map(Found::attribute).findFirst();
    }

    /** Reports a generic attribute that no entity subclass binds. */
    public void reportUnbound(Attribute a, EntityInfo entity) {
        a.type().mentions(new java.util.HashSet<>(variables(entity.type())))
                .ifPresent(v -> reportUnbound(a, entity.type(), v));
    }

    /** Whether the entity's id is typed by a type variable it leaves unbound (reported with the attribute). */
    public boolean hasUnboundId(EntityInfo entity) {
        return entityAttributes(entity, null).stream().anyMatch(f -> f.unbound().isPresent()
                && (f.attribute().has(JpaNames.ID) || f.attribute().has(JpaNames.EMBEDDED_ID)));
    }

    private boolean boundBySubclasses(EntityInfo entity, Attribute a) {
        return entity.hasChildren() && !a.has(JpaNames.ID) && !a.has(JpaNames.EMBEDDED_ID)
                && (entity.strategy() == EntityInfo.Strategy.SINGLE_TABLE || entity.strategy() == EntityInfo.Strategy.JOINED);
    }

    private List<Found> entityAttributes(EntityInfo entity, EntityInfo stopAt) {
        // asked for each entity by the key order, the identifiers, the derived keys and the attributes' pass: read once
        var key = new java.util.AbstractMap.SimpleImmutableEntry<>(entity.type(), stopAt == null ? null : stopAt.type().fqn());
        List<Found> known = entityAttributes.get(key);
        if (known == null) {
            var frame = MappingRecorder.begin();
            try {
                known = List.copyOf(readEntityAttributes(entity, stopAt));
            } finally {
                var reads = MappingRecorder.end(frame, entity.type().file());
                if (reads != null) {
                    entityAttributeReads.put(key, reads);
                }
            }
            entityAttributes.putIfAbsent(key, known);
        } else {
            MappingRecorder.tree(entity.type());
            MappingRecorder.replay(entityAttributeReads.get(key));
        }
        return known;
    }

    /** {@link #entityAttributes} by the entity's class (one {@code TypeInfo} per class and scan) and the stop's name: all they read. */
    private final Map<Map.Entry<TypeInfo, String>, List<Found>> entityAttributes = new java.util.concurrent.ConcurrentHashMap<>();
    /** The files read to fill an entry of {@link #entityAttributes} beyond the entity's own (for {@link MappingRecorder}). */
    private final Map<Map.Entry<TypeInfo, String>, java.util.Set<java.nio.file.Path>> entityAttributeReads =
            new java.util.concurrent.ConcurrentHashMap<>();

    private List<Found> readEntityAttributes(EntityInfo entity, EntityInfo stopAt) {
        String stop = stopAt == null ? null : stopAt.type().fqn();
        List<Found> found = attributes(entity.type(), List.of(), t -> t == entity.type()
                || ctx.annotation(t, JpaNames.MAPPED_SUPERCLASS).isPresent()
                || ctx.annotation(t, JpaNames.ENTITY).isPresent(), stop, access.entityDefault(entity.type()));
        return withAssociationOverrides(entity, found);
    }

    /**
     * The attributes with the class-level {@code @AssociationOverride}s (also inside {@code @AssociationOverrides}) of the
     * entity and its superclasses applied, as Hibernate applies them to the relations they name (an attribute the entity
     * inherits from a mapped superclass, most often): the override, on the attribute as
     * {@link JpaNames#APPLIED_ASSOCIATION_OVERRIDE}, gives the relation its join columns, join table and foreign key where
     * it writes them ({@link Relations}; the key's name is the override's {@code foreignKey} alone). A subclass's override
     * of a name wins over its superclasses'. An override of a relation of the key ({@code @Id @ManyToOne}) changes nothing,
     * as in Hibernate 6.6. One naming a path into an embeddable ({@code "address.city"}) or no relation of the entity, or
     * overriding a to-one without join columns (Hibernate then maps it through a join table), is refused.
     */
    private List<Found> withAssociationOverrides(EntityInfo entity, List<Found> found) {
        var overrides = new java.util.LinkedHashMap<String, AnnotationView>();
        var declaredBy = new HashMap<String, TypeInfo>();
        for (TypeNames.Level level : ctx.names().hierarchy(entity.type(), List.of())) {
            if (level.type() != entity.type() && ctx.annotation(level.type(), JpaNames.ENTITY).isPresent()) {
                break; // an entity superclass maps its own attributes, with its own overrides
            }
            List<AnnotationView> annotations = ctx.annotations(level.type());
            var list = new ArrayList<AnnotationView>();
            annotations.stream().filter(x -> x.fqn().equals(JpaNames.ASSOCIATION_OVERRIDE)).forEach(list::add);
            annotations.stream().filter(x -> x.fqn().equals(JpaNames.ASSOCIATION_OVERRIDES)).findFirst()
                    .ifPresent(c -> list.addAll(c.annotations("value")));
            for (AnnotationView o : list) {
                String name = o.string("name", "");
                if (overrides.putIfAbsent(name, o) == null) {
                    declaredBy.put(name, level.type());
                }
            }
        }
        if (overrides.isEmpty()) {
            return found;
        }
        var result = new ArrayList<Found>(found.size());
        for (Found f : found) {
            AnnotationView o = overrides.remove(f.attribute().name());
            if (o == null) {
                result.add(f);
                continue;
            }
            Attribute a = f.attribute();
            if (a.has(JpaNames.ID)) {
                result.add(f); // a relation of the key (@Id @ManyToOne): Hibernate 6.6 applies no override to it
                continue;
            }
            boolean toOne = a.has(JpaNames.MANY_TO_ONE) || a.has(JpaNames.ONE_TO_ONE);
            if (toOne && o.annotations("joinColumns").isEmpty()) {
                ctx.problems().add(declaredBy.get(a.name()).file(), o.node(), "@AssociationOverride(name = \"" + a.name()
                        + "\") writes no joinColumns: Hibernate 6 then maps the to-one relation through a join table, which keel"
                        + " does not model", "write the join column on the override: joinColumns = @JoinColumn(name = ...)");
                result.add(f);
                continue;
            }
            if (!Relations.isRelation(a)) {
                ctx.problems().add(declaredBy.get(a.name()).file(), o.node(), "@AssociationOverride names " + a.name()
                        + ", which is not a relation", "override a basic attribute with @AttributeOverride");
                result.add(f);
                continue;
            }
            var annotations = new ArrayList<>(a.annotations());
            annotations.add(o.as(JpaNames.APPLIED_ASSOCIATION_OVERRIDE));
            result.add(new Found(new Attribute(a.name(), a.type(), List.copyOf(annotations), a.owner(), a.node()), f.unbound()));
        }
        overrides.forEach((name, o) -> ctx.problems().add(declaredBy.get(name).file(), o.node(), "@AssociationOverride(name = \""
                + name + "\") on class " + declaredBy.get(name).simpleName() + (name.contains(".")
                        ? " names a relation inside an embeddable, which keel does not override yet"
                        : " names no relation " + entity.type().simpleName() + " maps"),
                name.contains(".") ? "name the join columns on the embeddable's relation itself (@JoinColumn), or exclude the entity from the app"
                        : "name one of the entity's relations"));
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
        return hierarchyAttributes(embeddable, embedding, List.of());
    }

    /**
     * The attributes of an embeddable used with type arguments ({@code Period<LocalDate>}), superclasses
     * first, its type variables replaced by the arguments.
     */
    public List<Attribute> hierarchyAttributes(TypeInfo embeddable, AccessRules.Kind embedding, List<TypeRef> args) {
        var result = new ArrayList<Attribute>();
        for (Found f : attributes(embeddable, args, t -> t == embeddable || ctx.annotation(t, JpaNames.MAPPED_SUPERCLASS).isPresent()
                || ctx.annotation(t, JpaNames.EMBEDDABLE).isPresent(), null, embedding)) {
            f.unbound().ifPresentOrElse(v -> reportUnbound(f.attribute(), embeddable, v), () -> result.add(f.attribute()));
        }
        return result;
    }

    /** An attribute of a class hierarchy, with the type variable its type still mentions, if nothing binds it. */
    private record Found(Attribute attribute, Optional<String> unbound) {}

    private List<Found> attributes(TypeInfo type, List<TypeRef> args, java.util.function.Predicate<TypeInfo> mapped,
                                   String stopFqn, AccessRules.Kind dflt) {
        reportUnseenSuperclass(type);
        List<TypeNames.Level> levels = new ArrayList<>(ctx.names().hierarchy(type, args));
        java.util.Collections.reverse(levels);
        var variables = new java.util.HashSet<>(variables(type));
        var seen = new java.util.HashSet<String>();
        var result = new ArrayList<Found>();
        boolean below = stopFqn == null;
        for (TypeNames.Level level : levels) {
            if (mapped.test(level.type())) {
                for (Attribute declared : access.declared(level.type(), dflt)) {
                    Attribute a = declared.type().equals(declared.type().substitute(level.bindings())) ? declared
                            : new Attribute(declared.name(), declared.type().substitute(level.bindings()), declared.annotations(),
                                    declared.owner(), declared.node());
                    if (seen.add(a.name()) && below) {
                        result.add(new Found(a, a.type().mentions(variables)));
                    }
                }
            }
            below |= level.type().fqn().equals(stopFqn);
        }
        return result;
    }

    private final java.util.Set<String> unseenReported = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Reports, once per class, a superclass keel cannot see (neither in the source roots nor on the class path): it may
     * be a {@code @MappedSuperclass} from a jar whose fields (the id, the version, auditing columns) are columns of
     * the table, and mapping the class without them would be a wrong schema. An {@code @Entity} of the class path is
     * reported too ({@link LibraryEntities}): its table and inheritance are its own module's mapping.
     */
    void reportUnseenSuperclass(TypeInfo type) {
        Optional<TypeRef> unseen = ctx.names().unseenSuperclass(type);
        if (unseen.isEmpty()) {
            return;
        }
        TypeInfo top = ctx.names().chainTop(type);
        if (!unseenReported.add(top.fqn())) {
            return;
        }
        com.github.javaparser.ast.Node node = top.decl() instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c
                && c.getExtendedTypes().isNonEmpty() ? c.getExtendedTypes(0) : top.decl();
        Optional<java.nio.file.Path> entityJar = LibraryEntities.container(ctx, unseen.get().name());
        if (entityJar.isPresent()) {
            ctx.problems().add(top.file(), node, top.simpleName() + " extends " + unseen.get().name() + ", "
                    + LibraryEntities.described(entityJar.get()), LibraryEntities.fix(unseen.get().name()));
            return;
        }
        ctx.problems().add(top.file(), node, unseenMessage(top, unseen.get()), unseenFix(unseen.get()));
    }

    /** Whether a class's superclass chain ends with a class keel cannot see (reported by {@link #reportUnseenSuperclass}). */
    boolean hasUnseenSuperclass(TypeInfo type) {
        return ctx.names().unseenSuperclass(type).isPresent();
    }

    private String unseenMessage(TypeInfo top, TypeRef unseen) {
        return top.simpleName() + " extends " + unseen.name() + ", which is declared neither in the source roots nor on "
                + ctx.classPath().described() + ": keel cannot see its fields (a @MappedSuperclass from a jar maps the"
                + " id, version or auditing columns of the table)";
    }

    private static String unseenFix(TypeRef unseen) {
        return "add the jar that holds " + unseen.name() + " to keel.json \"libraries\" (or --libraries; the Maven plugin"
                + " passes the compile class path itself), or add its source root to \"sourceRoots\"";
    }

    /** The type variables of a class and its scanned superclasses. */
    private List<String> variables(TypeInfo type) {
        var result = new ArrayList<String>();
        ctx.names().hierarchy(type, List.of()).forEach(l -> result.addAll(ctx.names().typeParameters(l.type())));
        return result;
    }

    private void reportUnbound(Attribute a, TypeInfo mapped, String variable) {
        ctx.problems().add(a.owner().file(), a.node(), "field " + a.name() + " of " + a.owner().simpleName()
                + " has type variable " + variable + ", which " + mapped.simpleName() + " leaves unbound (it extends a "
                + "generic class without type arguments, or is generic itself and no entity subclass binds it)",
                "give the type arguments where " + mapped.simpleName() + " extends its superclass (e.g. extends "
                        + a.owner().simpleName() + "<Long>)");
    }
}
