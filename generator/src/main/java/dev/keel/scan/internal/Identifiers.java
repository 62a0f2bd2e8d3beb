package dev.keel.scan.internal;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.keel.state.Sequence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Primary keys and their generation: {@code @Id} (one or more) and {@code @EmbeddedId} columns, or
 * with {@code @IdClass} the entity's attributes named like the id class's (as Hibernate takes them,
 * whether or not the entity marks them {@code @Id}),
 * {@code @GeneratedValue} as an identity column (IDENTITY) or a sequence (AUTO and SEQUENCE:
 * {@code <root table>_seq} by 50 unless a {@code @SequenceGenerator} says otherwise), and the key
 * columns derived from another entity's key ({@link DerivedIdentity}), which are never generated.
 */
public final class Identifiers {
    private final ScanContext ctx;
    private final AttributeMapper mapper;
    private final DerivedIdentity derived;
    private List<GeneratorSite> generators;
    /** The files read to list {@link #generators} (every mapped class's), for {@link MappingRecorder}. */
    private java.util.Set<java.nio.file.Path> generatorReads;

    public Identifiers(ScanContext ctx, AttributeMapper mapper, DerivedIdentity derived) {
        this.ctx = ctx;
        this.mapper = mapper;
        this.derived = derived;
    }

    /** The rules of derived identifiers ({@code @MapsId}). */
    public DerivedIdentity derived() {
        return derived;
    }

    /**
     * The id attributes of an entity's hierarchy (declared by the root or a mapped superclass above it):
     * with an {@code @IdClass} in the sources, those named like the id class's attributes; else those
     * marked {@code @Id} or {@code @EmbeddedId}.
     */
    public List<Attribute> idAttributes(EntityInfo entity) {
        List<Attribute> all = mapper.hierarchyAttributes(entity.root(), null);
        Optional<Set<String>> idClass = idClassAttributes(entity);
        var result = new ArrayList<Attribute>();
        for (Attribute a : all) {
            if (idClass.map(names -> names.contains(a.name())).orElse(a.has(JpaNames.ID) || a.has(JpaNames.EMBEDDED_ID))) {
                result.add(a);
            }
        }
        return result;
    }

    /**
     * Which attributes of {@code entity}'s hierarchy are id attributes (mapped by {@link #mapKey}, not
     * with the other attributes): those of {@link #idAttributes}, and any marked {@code @Id} or
     * {@code @EmbeddedId}.
     */
    public Predicate<Attribute> idTest(EntityInfo entity) {
        List<Attribute> idAttributes = idAttributes(entity);
        Set<String> ids = idAttributes.stream().map(Identifiers::key).collect(Collectors.toSet());
        // the key (owner#name) made only for an attribute with an id attribute's name: asked for every attribute
        Set<String> names = idAttributes.stream().map(Attribute::name).collect(Collectors.toSet());
        return a -> a.has(JpaNames.ID) || a.has(JpaNames.EMBEDDED_ID) || names.contains(a.name()) && ids.contains(key(a));
    }

    private static String key(Attribute a) {
        return a.owner().fqn() + "#" + a.name();
    }

    /** The {@code @IdClass} of the hierarchy (on the root or a mapped superclass above it), if any. */
    private Optional<AnnotationView> idClassAnnotation(EntityInfo entity) {
        for (Optional<TypeInfo> t = Optional.of(entity.root().type()); t.isPresent(); t = ctx.superclass(t.get())) {
            Optional<AnnotationView> idClass = ctx.annotation(t.get(), JpaNames.ID_CLASS);
            if (idClass.isPresent()) {
                return idClass;
            }
        }
        return Optional.empty();
    }

    /** The attribute names of the hierarchy's {@code @IdClass}, when the class is in the scanned sources. */
    private Optional<Set<String>> idClassAttributes(EntityInfo entity) {
        return idClassAnnotation(entity).map(c -> c.classRef("value")).flatMap(fqn -> ctx.index().type(fqn))
                .map(type -> mapper.hierarchyAttributes(type, mapper.access().entityDefault(entity.root().type())).stream().map(Attribute::name)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * Reports what Hibernate refuses in an {@code @IdClass} mapping: id class attributes the entity does
     * not declare, {@code @Id} attributes the id class does not declare, and no {@code @Id} at all.
     */
    private boolean idClassMatches(EntityInfo entity) {
        Optional<Set<String>> idClass = idClassAttributes(entity);
        if (idClass.isEmpty()) {
            return true;
        }
        List<Attribute> all = mapper.hierarchyAttributes(entity.root(), null);
        Set<String> declared = all.stream().map(Attribute::name).collect(Collectors.toSet());
        List<String> missing = idClass.get().stream().filter(n -> !declared.contains(n)).toList();
        List<String> extra = all.stream().filter(a -> a.has(JpaNames.ID) && !idClass.get().contains(a.name()))
                .map(Attribute::name).toList();
        String idClassName = idClassAnnotation(entity).map(c -> c.classRef("value")).orElse("");
        if (!missing.isEmpty()) {
            ctx.problems().add(entity.type().file(), entity.root().type().decl(), "the @IdClass " + idClassName + " of entity "
                    + entity.root().entityName() + " has attributes " + missing + " that the entity does not declare",
                    "declare them in the entity with the same names, or rename the id class's attributes");
        }
        if (!extra.isEmpty()) {
            ctx.problems().add(entity.type().file(), entity.root().type().decl(), "entity " + entity.root().entityName()
                    + " has @Id attributes " + extra + " that its @IdClass " + idClassName + " does not declare",
                    "declare them in the id class, or remove @Id");
        }
        boolean marked = all.stream().anyMatch(a -> a.has(JpaNames.ID));
        if (!marked) {
            ctx.problems().add(entity.type().file(), entity.root().type().decl(), "entity " + entity.root().entityName()
                    + " has an @IdClass but no @Id attribute (Hibernate requires at least one)",
                    "mark the entity's id attributes with @Id");
        }
        return missing.isEmpty() && extra.isEmpty() && marked;
    }

    /** Maps the id columns into {@code table} and makes them its primary key. */
    public void mapKey(EntityInfo entity, TableSpec table, Schema schema) {
        if (!idClassMatches(entity)) {
            return;
        }
        List<Attribute> ids = idAttributes(entity);
        if (ids.isEmpty() && mapper.hasUnboundId(entity.root())) {
            return; // reported with the id field
        }
        if (ids.isEmpty() && mapper.hasUnseenSuperclass(entity.root().type())) {
            mapper.reportUnseenSuperclass(entity.root().type()); // (once) the superclass keel cannot see may declare the id
            return;
        }
        if (ids.isEmpty()) {
            ctx.problems().add(entity.type().file(), entity.type().decl(), "entity " + entity.entityName()
                    + " has no @Id or @EmbeddedId field", "add an @Id field or getter");
            return;
        }
        int before = table.columns().size();
        Site site = Site.of(table, entity, false, ctx.config().beanValidation()).withOverrides(mapper.classOverrides(entity)).asId();
        for (Attribute id : ids) {
            mapper.mapGuarded(id, site);
        }
        List<ColumnSpec> idColumns = List.copyOf(table.columns().subList(before, table.columns().size()));
        List<Attribute> derivedBy = derived.relations(entity);
        if (!derivedBy.isEmpty()) {
            idColumns = derived.apply(ids, derivedBy, table, idColumns);
        }
        table.primaryKey = idColumns.stream().map(ColumnSpec::name).toList();
        boolean derivedKey = derivedBy.stream().anyMatch(r -> r.has(JpaNames.MANY_TO_ONE) || r.has(JpaNames.ONE_TO_ONE));
        if (ids.size() == 1 && !ids.get(0).has(JpaNames.EMBEDDED_ID) && !derivedKey) {
            generation(entity, ids.get(0), table, schema);
        } else if (ids.size() > 1 || ids.get(0).has(JpaNames.EMBEDDED_ID)) {
            for (Attribute part : generatedParts(ids)) {
                partGeneration(entity, part, table, schema);
            }
        }
    }

    /**
     * The parts of a composite key with {@code @GeneratedValue}: {@code @Id} attributes of several (with or without an
     * {@code @IdClass}), or attributes of the {@code @EmbeddedId} class. Hibernate generates each from its generator.
     */
    private List<Attribute> generatedParts(List<Attribute> ids) {
        var result = new ArrayList<Attribute>();
        for (Attribute id : ids) {
            if (id.has(JpaNames.EMBEDDED_ID)) {
                ctx.index().type(id.type().name()).ifPresent(type -> mapper.hierarchyAttributes(type, AccessRules.memberAccess(id))
                        .stream().filter(a -> a.has(JpaNames.GENERATED_VALUE)).forEach(result::add));
            } else if (id.has(JpaNames.GENERATED_VALUE)) {
                result.add(id);
            }
        }
        return result;
    }

    /** A generated part of a composite key: its sequence, as for a simple id; an identity column is refused. */
    private void partGeneration(EntityInfo entity, Attribute part, TableSpec table, Schema schema) {
        AnnotationView gv = part.ann(JpaNames.GENERATED_VALUE).orElseThrow();
        try {
            String strategy = gv.enumName("strategy", "AUTO");
            if (part.type().name().equals("java.util.UUID") && (strategy.equals("AUTO") || strategy.equals("UUID"))) {
                return;
            }
            if (!isIntegral(part.type().name()) || !(strategy.equals("AUTO") || strategy.equals("SEQUENCE"))) {
                throw new MappingProblem(gv.node(), "@GeneratedValue(" + strategy + ") on " + part.name() + " of type " + part.type()
                        + ", a part of the composite key of " + entity.root().entityName() + ", is not supported",
                        "generate numeric parts from a sequence (GenerationType.SEQUENCE or AUTO)");
            }
            sequence(entity, gv, table, schema);
        } catch (MappingProblem p) {
            ctx.problems().add(part.owner().file(), p.node(), p.getMessage(), p.fix());
        } catch (Values.Unresolved u) {
            ctx.problems().add(part.owner().file(), u.node(), u.getMessage(), "write the value as a literal or a static final constant");
        }
    }

    private void generation(EntityInfo entity, Attribute id, TableSpec table, Schema schema) {
        Optional<AnnotationView> gv = id.ann(JpaNames.GENERATED_VALUE);
        if (gv.isEmpty()) {
            return;
        }
        try {
            String strategy = gv.get().enumName("strategy", "AUTO");
            String type = id.type().name();
            if (type.equals("java.util.UUID") && (strategy.equals("AUTO") || strategy.equals("UUID"))) {
                return;
            }
            if (!isIntegral(type)) {
                throw new MappingProblem(gv.get().node(), "@GeneratedValue(" + strategy + ") on " + id.name() + " of type "
                        + id.type() + " is not supported", "generate numeric ids (Long, Integer) or UUIDs");
            }
            switch (strategy) {
                case "IDENTITY" -> identity(entity, id, table);
                case "AUTO", "SEQUENCE" -> sequence(entity, gv.get(), table, schema);
                case "TABLE" -> generatorTable(entity, gv.get(), table, schema);
                default -> throw new MappingProblem(gv.get().node(), "@GeneratedValue(strategy = " + strategy + ") on "
                        + id.name() + " is not supported", "use IDENTITY, SEQUENCE, TABLE or AUTO");
            }
        } catch (MappingProblem p) {
            ctx.problems().add(id.owner().file(), p.node(), p.getMessage(), p.fix());
        } catch (Values.Unresolved u) {
            ctx.problems().add(id.owner().file(), u.node(), u.getMessage(), u.fixOr("write the value as a literal or a static final constant"));
        }
    }

    private void identity(EntityInfo entity, Attribute id, TableSpec table) {
        if (entity.strategy() == EntityInfo.Strategy.TABLE_PER_CLASS) {
            throw new MappingProblem(id.node(), "IDENTITY ids cannot be used with TABLE_PER_CLASS inheritance ("
                    + entity.entityName() + ")", "use GenerationType.SEQUENCE");
        }
        if (entity.parent() == null) {
            ColumnSpec pk = table.columns().stream().filter(c -> c.name().equals(table.primaryKey.get(0))).findFirst().orElseThrow();
            table.replace(pk.withIdentity(true));
        }
    }

    private void sequence(EntityInfo entity, AnnotationView gv, TableSpec table, Schema schema) {
        String generator = gv.string("generator", "");
        Sequence sequence;
        if (generator.isEmpty()) {
            // in the default schema, whatever the schema of the entity's table (Namespaces)
            String base = rootTableName(entity).text();
            sequence = new Sequence(ctx.naming().physical(base + "_SEQ").db(), 1, 50);
        } else {
            Optional<AnnotationView> sg = findGenerator(generator);
            Optional<AnnotationView> tg = sg.isPresent() ? Optional.empty() : findTableGenerator(generator);
            if (tg.isPresent()) {
                // AUTO (or SEQUENCE) naming a @TableGenerator: Hibernate uses the generator named
                GeneratorTables.map(ctx, schema, table.app(), tg, null, table.file, table.line);
                return;
            }
            if (sg.isPresent()) {
                String name = sg.get().string("sequenceName", "");
                sequence = new Sequence(Namespaces.sequence(ctx, sg.get(), name.isEmpty() ? generator : name),
                        sg.get().integer("initialValue", 1), sg.get().integer("allocationSize", 50));
            } else {
                // Hibernate's own sequence generator named through @GenericGenerator: the sequence its parameters say;
                // a name declared nowhere is, to Hibernate 6, a sequence of that name (default schema, from 1 by 50)
                Optional<AnnotationView> generic = findGeneric(generator);
                if (generic.isPresent() && gv.enumName("strategy", "AUTO").equals("SEQUENCE")
                        && ctx.has(HibernateRule.SEQUENCE_STRATEGY_NAMES_NO_GENERIC_GENERATOR)) {
                    throw new MappingProblem(gv.node(), "@GeneratedValue(strategy = SEQUENCE) names \"" + generator + "\", a"
                            + " @GenericGenerator: Hibernate 7 refuses to start (\"specified SEQUENCE generation, but referred to a"
                            + " @GenericGenerator\"); Hibernate 6 mapped it", "leave the strategy out (AUTO) when naming a"
                            + " @GenericGenerator, or declare a @SequenceGenerator of that name");
                }
                sequence = isDeclared(generator)
                        ? generic.flatMap(gg -> GenericSequences.of(ctx, gg, generator)).orElseThrow(() -> notASequence(gv, generator))
                        : new Sequence(ctx.naming().physical(generator).db(), 1, 50);
            }
        }
        if (!schema.addSequence(sequence, entity)) {
            throw new MappingProblem(gv.node(), "sequence " + sequence.name() + " is declared twice with different settings",
                    "give both generators the same initialValue and allocationSize, or different sequence names");
        }
    }

    /**
     * {@code @GeneratedValue(strategy = TABLE)}: the generator table of the {@code @TableGenerator} it names; of a name
     * no table generator declares, a table of that name with Hibernate's default columns (Hibernate 6.6 used a
     * {@code @SequenceGenerator} or {@code @GenericGenerator} of that name instead, 7 does not:
     * {@link HibernateRule#TABLE_STRATEGY_OVER_SEQUENCE_GENERATOR}); of no name, Hibernate's default table
     * ({@link GeneratorTables}).
     */
    private void generatorTable(EntityInfo entity, AnnotationView gv, TableSpec table, Schema schema) {
        String generator = gv.string("generator", "");
        Optional<AnnotationView> tg = generator.isEmpty() ? Optional.empty() : findTableGenerator(generator);
        if (tg.isEmpty() && !generator.isEmpty() && !ctx.has(HibernateRule.TABLE_STRATEGY_OVER_SEQUENCE_GENERATOR)
                && (findGenerator(generator).isPresent() || findGeneric(generator).isPresent())) {
            sequence(entity, gv, table, schema);
            return;
        }
        String tableName = tg.isPresent() || generator.isEmpty() ? null : generator;
        GeneratorTables.map(ctx, schema, table.app(), tg, tableName, table.file, table.line);
    }

    /** The physical table name of the hierarchy's root, even when it is abstract and has no table. */
    public Ident rootTableName(EntityInfo entity) {
        return tableName(entity.root());
    }

    /** The physical name of the table an entity class declares or implies. */
    public Ident tableName(EntityInfo entity) {
        String written;
        try {
            written = ctx.annotation(entity.type(), JpaNames.TABLE).map(t -> t.string("name", "")).orElse("");
        } catch (Values.Unresolved u) {
            throw new MappingProblem(u.node(), "the table name of " + entity.type().simpleName() + ": " + u.getMessage(),
                    u.fixOr("write the value as a literal or a static final constant"));
        }
        return ctx.naming().physical(written.isBlank() ? entity.entityName() : written);
    }

    /** Whether a generator of this name is declared (by any annotation that declares one) on a mapped class or a package. */
    private boolean isDeclared(String generator) {
        return generators().stream().anyMatch(g -> g.unreadable() == null && generator.equals(g.name()));
    }

    /**
     * Why the declared {@code generator} gives no sequence: it is a custom {@code @GenericGenerator} (said as such;
     * a {@code @TableGenerator}'s table is mapped, {@link GeneratorTables}).
     */
    private MappingProblem notASequence(AnnotationView gv, String generator) {
        String fix = "declare @SequenceGenerator(name = \"" + generator + "\", ...) on the id field or the entity"
                + " (with strategy = GenerationType.SEQUENCE)";
        return new MappingProblem(gv.node(), "generator \"" + generator + "\" is a @GenericGenerator of " + genericClass(generator)
                + ", a custom generator (not Hibernate's SequenceStyleGenerator itself) whose sequence or table is made in Java"
                + " code keel does not run", fix);
    }

    /** The class (or strategy) a {@code @GenericGenerator} names, as written when it cannot be resolved. */
    private String genericClass(String generator) {
        return findGeneric(generator).map(gg -> {
            try {
                String type = gg.has("type") ? gg.classRef("type") : null;
                return type != null ? type : "strategy \"" + gg.string("strategy", "") + "\"";
            } catch (RuntimeException unreadable) {
                return "an unreadable class";
            }
        }).orElse("an unknown class");
    }

    /** The first {@code @GenericGenerator} of this name on a mapped class or its members. */
    private Optional<AnnotationView> findGeneric(String name) {
        return generators().stream().filter(g -> g.unreadable() == null && g.kind().equals(GENERIC_GENERATOR) && g.name().equals(name))
                .findFirst().map(g -> g.annotation(ctx));
    }

    /** The first {@code @TableGenerator} of this name on a mapped class or its members. */
    private Optional<AnnotationView> findTableGenerator(String name) {
        return generators().stream().filter(g -> g.unreadable() == null && g.kind().equals(JpaNames.TABLE_GENERATOR)
                && g.name().equals(name)).findFirst().map(g -> g.annotation(ctx));
    }

    /**
     * The first {@code @SequenceGenerator} of this name on a mapped class or its fields, classes in name
     * order, then on a package; a generator before it whose name cannot be read is reported instead.
     */
    private Optional<AnnotationView> findGenerator(String name) {
        for (GeneratorSite g : generators()) {
            if (g.unreadable() != null) {
                throw g.unreadable();
            }
            if (g.kind().equals(JpaNames.SEQUENCE_GENERATOR) && g.name().equals(name)) {
                return Optional.of(g.annotation(ctx));
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code @SequenceGenerator} (or, to say why it is not one, a {@code @TableGenerator} or {@code @GenericGenerator}:
     * {@code kind}) of a mapped class: on the class ({@code member} -1), on its field number
     * {@code member}, or (property access) on its method number {@code -2 - member}; the annotation number
     * {@code annotation} there; its name, or why it cannot be read.
     */
    private record GeneratorSite(TypeInfo type, int member, int annotation, int nested, String kind, String name,
                                 RuntimeException unreadable) {
        AnnotationView annotation(ScanContext ctx) {
            List<AnnotationView> on = member == -1 ? ctx.annotations(type)
                    : member >= 0 ? AnnotationView.on(type.decl().getFields().get(member), type, ctx.values())
                    : AnnotationView.on(type.decl().getMethods().get(-2 - member), type, ctx.values());
            return nested < 0 ? on.get(annotation) : on.get(annotation).annotations("value").get(nested);
        }
    }

    /**
     * Every {@code @SequenceGenerator} of the mapped classes and of the packages ({@code package-info.java}), read once (names only: the classes' trees need
     * not stay in memory, and each lookup does not read every class again).
     */
    private int generatorsLibrary;

    private List<GeneratorSite> generators() {
        // the class path's mapped superclasses and embeddables are indexed as the mapping meets them: read again when more are
        List<TypeInfo> library = ctx.index().libraryTypes();
        if (generators != null && generatorsLibrary == library.size()) {
            MappingRecorder.replay(generatorReads);
            return generators;
        }
        var frame = MappingRecorder.begin();
        try {
            var found = new ArrayList<GeneratorSite>();
            var all = new ArrayList<TypeInfo>(ctx.index().types());
            all.addAll(library);
            generatorsLibrary = library.size();
            for (TypeInfo t : all) {
                // an embeddable's generators too: an @EmbeddedId class may generate its attributes
                boolean mapped = ctx.annotation(t, JpaNames.ENTITY).isPresent() || ctx.annotation(t, JpaNames.MAPPED_SUPERCLASS).isPresent()
                        || ctx.annotation(t, JpaNames.EMBEDDABLE).isPresent();
                if (!mapped) {
                    continue;
                }
                collect(found, t, -1, ctx.annotations(t));
                List<FieldDeclaration> fields = t.decl().getFields();
                for (int i = 0; i < fields.size(); i++) {
                    collect(found, t, i, AnnotationView.on(fields.get(i), t, ctx.values()));
                }
                List<MethodDeclaration> methods = t.decl().getMethods();
                for (int i = 0; i < methods.size(); i++) {
                    collect(found, t, -2 - i, AnnotationView.on(methods.get(i), t, ctx.values()));
                }
            }
            // then the packages' (package-info.java), which Hibernate registers for the whole persistence unit as it
            // does a class's; a class's generator of the same name is found first
            for (TypeInfo p : ctx.index().packageInfos()) {
                collect(found, p, -1, ctx.annotations(p));
            }
            generators = List.copyOf(found);
        } finally {
            generatorReads = MappingRecorder.end(frame, null);
        }
        return generators;
    }

    private static void collect(List<GeneratorSite> found, TypeInfo type, int field, List<AnnotationView> annotations) {
        for (int i = 0; i < annotations.size(); i++) {
            AnnotationView a = annotations.get(i);
            if (CONTAINERS.contains(a.fqn())) {
                // the repeated generators written in their container (@GenericGenerators({...}), the older form)
                List<AnnotationView> inner = a.annotations("value");
                for (int n = 0; n < inner.size(); n++) {
                    collect(found, type, field, i, n, inner.get(n));
                }
            } else {
                collect(found, type, field, i, -1, a);
            }
        }
    }

    private static void collect(List<GeneratorSite> found, TypeInfo type, int field, int i, int nested, AnnotationView a) {
        boolean sequence = a.fqn().equals(JpaNames.SEQUENCE_GENERATOR);
        if (sequence || a.fqn().equals(JpaNames.TABLE_GENERATOR) || a.fqn().equals(GENERIC_GENERATOR)) {
            try {
                found.add(new GeneratorSite(type, field, i, nested, a.fqn(), a.string("name", ""), null));
            } catch (SourceTrees.StaleSummary stale) {
                throw stale; // not the generator's problem: the scan is made again from the files
            } catch (RuntimeException unreadable) {
                if (sequence) {
                    found.add(new GeneratorSite(type, field, i, nested, a.fqn(), null, unreadable));
                }
            }
        }
    }

    private static final String GENERIC_GENERATOR = "org.hibernate.annotations.GenericGenerator";
    /** The containers of repeated generators: Hibernate's, and Jakarta Persistence 3.2's. */
    private static final java.util.Set<String> CONTAINERS = java.util.Set.of("org.hibernate.annotations.GenericGenerators",
            JpaNames.SEQUENCE_GENERATOR + "s", JpaNames.TABLE_GENERATOR + "s");

    private static boolean isIntegral(String type) {
        return switch (type) {
            case "long", "int", "short", "java.lang.Long", "java.lang.Integer", "java.lang.Short",
                    "java.math.BigInteger", "java.math.BigDecimal" -> true;
            default -> false;
        };
    }
}
