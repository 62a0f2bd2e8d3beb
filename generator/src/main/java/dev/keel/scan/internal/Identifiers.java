package dev.keel.scan.internal;

import com.github.javaparser.ast.body.FieldDeclaration;
import dev.keel.state.Sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Primary keys and their generation: {@code @Id} (one or more) and {@code @EmbeddedId} columns,
 * {@code @GeneratedValue} as an identity column (IDENTITY) or a sequence (AUTO and SEQUENCE:
 * {@code <root table>_seq} by 50 unless a {@code @SequenceGenerator} says otherwise).
 */
public final class Identifiers {
    private final ScanContext ctx;
    private final AttributeMapper mapper;
    private List<GeneratorSite> generators;

    public Identifiers(ScanContext ctx, AttributeMapper mapper) {
        this.ctx = ctx;
        this.mapper = mapper;
    }

    /** The id attributes of an entity's hierarchy (declared by the root or a mapped superclass above it). */
    public List<Attribute> idAttributes(EntityInfo entity) {
        var result = new ArrayList<Attribute>();
        for (Attribute a : mapper.hierarchyAttributes(entity.root(), null)) {
            if (a.has(JpaNames.ID) || a.has(JpaNames.EMBEDDED_ID)) {
                result.add(a);
            }
        }
        return result;
    }

    /** Maps the id columns into {@code table} and makes them its primary key. */
    public void mapKey(EntityInfo entity, TableSpec table, Schema schema) {
        List<Attribute> ids = idAttributes(entity);
        if (ids.isEmpty()) {
            ctx.problems().add(entity.type().file(), entity.type().decl(), "entity " + entity.entityName()
                    + " has no @Id or @EmbeddedId field", "add an @Id field (keel reads field mappings only)");
            return;
        }
        if (ids.size() > 1 && ctx.annotation(entity.root().type(), JpaNames.ID_CLASS).isEmpty()) {
            ctx.problems().add(entity.type().file(), entity.root().type().decl(), "entity " + entity.root().entityName()
                    + " has several @Id fields but no @IdClass", "add @IdClass, or use one @EmbeddedId");
        }
        int before = table.columns().size();
        Site site = Site.of(table, entity, false, ctx.config().beanValidation()).asId();
        for (Attribute id : ids) {
            mapper.mapGuarded(id, site);
        }
        table.primaryKey = table.columns().subList(before, table.columns().size()).stream().map(ColumnSpec::name).toList();
        if (ids.size() == 1 && !ids.get(0).has(JpaNames.EMBEDDED_ID)) {
            generation(entity, ids.get(0), table, schema);
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
                default -> throw new MappingProblem(gv.get().node(), "@GeneratedValue(strategy = " + strategy + ") on "
                        + id.name() + " is not supported", "use IDENTITY, SEQUENCE or AUTO");
            }
        } catch (MappingProblem p) {
            ctx.problems().add(id.owner().file(), p.node(), p.getMessage(), p.fix());
        } catch (Values.Unresolved u) {
            ctx.problems().add(id.owner().file(), u.node(), u.getMessage(), "write the value as a literal or a static final constant");
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
            String base = rootTableName(entity).text();
            sequence = new Sequence(ctx.naming().physical(base + "_SEQ").db(), 1, 50);
        } else {
            AnnotationView sg = findGenerator(generator).orElseThrow(() -> new MappingProblem(gv.node(),
                    "generator \"" + generator + "\" is not declared by a @SequenceGenerator in the scanned entities",
                    "declare @SequenceGenerator(name = \"" + generator + "\", ...) on the id field or the entity"));
            String name = sg.string("sequenceName", "");
            sequence = new Sequence(ctx.naming().physical(name.isEmpty() ? generator : name).db(),
                    sg.integer("initialValue", 1), sg.integer("allocationSize", 50));
        }
        if (!schema.addSequence(sequence, entity)) {
            throw new MappingProblem(gv.node(), "sequence " + sequence.name() + " is declared twice with different settings",
                    "give both generators the same initialValue and allocationSize, or different sequence names");
        }
    }

    /** The physical table name of the hierarchy's root, even when it is abstract and has no table. */
    public Ident rootTableName(EntityInfo entity) {
        return tableName(entity.root());
    }

    /** The physical name of the table an entity class declares or implies. */
    public Ident tableName(EntityInfo entity) {
        String written = ctx.annotation(entity.type(), JpaNames.TABLE).map(t -> t.string("name", "")).orElse("");
        return ctx.naming().physical(written.isBlank() ? entity.entityName() : written);
    }

    /**
     * The first {@code @SequenceGenerator} of this name on a mapped class or its fields, classes in name
     * order; a generator before it whose name cannot be read is reported instead.
     */
    private Optional<AnnotationView> findGenerator(String name) {
        for (GeneratorSite g : generators()) {
            if (g.unreadable() != null) {
                throw g.unreadable();
            }
            if (g.name().equals(name)) {
                return Optional.of(g.annotation(ctx));
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code @SequenceGenerator} of a mapped class: on the class ({@code field} -1) or on its field number
     * {@code field}, the annotation number {@code annotation} there; its name, or why it cannot be read.
     */
    private record GeneratorSite(TypeInfo type, int field, int annotation, String name, RuntimeException unreadable) {
        AnnotationView annotation(ScanContext ctx) {
            List<AnnotationView> on = field < 0 ? ctx.annotations(type)
                    : AnnotationView.on(type.decl().getFields().get(field), type, ctx.values());
            return on.get(annotation);
        }
    }

    /**
     * Every {@code @SequenceGenerator} of the mapped classes, read once (names only: the classes' trees need
     * not stay in memory, and each lookup does not read every class again).
     */
    private List<GeneratorSite> generators() {
        if (generators == null) {
            var found = new ArrayList<GeneratorSite>();
            for (TypeInfo t : ctx.index().types()) {
                boolean mapped = ctx.annotation(t, JpaNames.ENTITY).isPresent() || ctx.annotation(t, JpaNames.MAPPED_SUPERCLASS).isPresent();
                if (!mapped) {
                    continue;
                }
                collect(found, t, -1, ctx.annotations(t));
                List<FieldDeclaration> fields = t.decl().getFields();
                for (int i = 0; i < fields.size(); i++) {
                    collect(found, t, i, AnnotationView.on(fields.get(i), t, ctx.values()));
                }
            }
            generators = List.copyOf(found);
        }
        return generators;
    }

    private static void collect(List<GeneratorSite> found, TypeInfo type, int field, List<AnnotationView> annotations) {
        for (int i = 0; i < annotations.size(); i++) {
            AnnotationView a = annotations.get(i);
            if (a.fqn().equals(JpaNames.SEQUENCE_GENERATOR)) {
                try {
                    found.add(new GeneratorSite(type, field, i, a.string("name", ""), null));
                } catch (RuntimeException unreadable) {
                    found.add(new GeneratorSite(type, field, i, null, unreadable));
                }
            }
        }
    }

    private static boolean isIntegral(String type) {
        return switch (type) {
            case "long", "int", "short", "java.lang.Long", "java.lang.Integer", "java.lang.Short",
                    "java.math.BigInteger", "java.math.BigDecimal" -> true;
            default -> false;
        };
    }
}
