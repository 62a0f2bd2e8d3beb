package dev.keel.scan.internal;

import dev.keel.project.ProjectState;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps every entity of the catalog into tables, in two passes (keys first, so that relations can
 * refer to any entity's key; then the attributes), checks what the tables refer to, and builds the
 * project state.
 */
public final class SchemaBuilder {
    private final ScanContext ctx;
    private final HintCollector hints;

    public SchemaBuilder(ScanContext ctx) {
        this.ctx = ctx;
        this.hints = new HintCollector(ctx);
    }

    /** The rename hints and initializers seen while building (complete after {@link #build()}). */
    public HintCollector hints() {
        return hints;
    }

    /** The state the entities describe. Problems are recorded in the context, not thrown. */
    public ProjectState build() {
        MappingRecorder recorder = MappingRecorder.start();
        ctx.namedEnums().clear();
        try {
            EntityCatalog catalog = EntityCatalog.build(ctx);
            Wiring w = new Wiring(ctx, catalog);
            for (EntityInfo e : KeyOrder.of(catalog.all(), w.derived, ctx.problems())) {
                String before = MappingRecorder.enter(EntityRemap.keys(e.type().fqn()));
                try {
                    w.entityTables.create(e, w.schema);
                    hints.entity(e);
                } finally {
                    MappingRecorder.leave(before);
                }
            }
            var keysIfaces = new java.util.HashMap<String, String>();
            catalog.all().forEach(e -> keysIfaces.put(e.type().fqn(), EntityRemap.iface(e, w.schema)));
            for (EntityInfo e : catalog.all()) {
                String before = MappingRecorder.enter(e.type().fqn());
                try {
                    attributes(e, w.schema, w.mapper, w.ids, catalog);
                } finally {
                    MappingRecorder.leave(before);
                }
            }
            MappingRecorder.enter("#collection-keys");
            w.relations.bindCollectionKeys();
            MappingRecorder.enter("#indexes");
            w.mapper.indexes().finish();
            MappingRecorder.enter("#hierarchy-checks");
            SingleTableChecks.apply(ctx, catalog, w.schema);
            for (EntityInfo e : catalog.all()) {
                MappingRecorder.enter(e.type().fqn());
                w.routing.entity(e, w.schema);
            }
            MappingRecorder.enter("#finish");
            var numbered = new java.util.HashSet<String>();
            ProjectState state = finish(w.schema, w.routing, numbered);
            if (ctx.problems().isEmpty()) {
                // made when asked for (by the scan's store, off the check's path): what it reads is final by now
                Schema schema = w.schema;
                SourceIndex index = ctx.index();
                recordedEntities = catalog.all().size();
                record = new Later<>(() -> EntityRemap.MapRecord.of(recorder, catalog, schema, keysIfaces, numbered, index));
            }
            return state;
        } finally {
            MappingRecorder.stop();
        }
    }

    private Later<EntityRemap.MapRecord> record;
    private int recordedEntities;

    /**
     * What each entity's mapping read and wrote in the last {@link #build} (null when it found problems), made on the
     * first call: the recorder, the catalog and the tables it is made of are no longer changed once {@code build}
     * returned, so it may be asked for on any thread, once the scan is given (and nothing on a check's path waits for
     * it: only the next run reads it, from the cache).
     */
    public EntityRemap.MapRecord record() {
        return record == null ? null : record.get();
    }

    /** How many entities {@link #record()} records (its {@link EntityRemap.MapRecord#entityCount()}), without making it. */
    public int recordedEntities() {
        return record == null ? 0 : recordedEntities;
    }

    /** A value made once, on the first thread that asks for it. */
    private static final class Later<T> implements java.util.function.Supplier<T> {
        private java.util.function.Supplier<T> make;
        private T value;

        Later(java.util.function.Supplier<T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (make != null) {
                value = make.get();
                make = null; // what it was made of can go
            }
            return value;
        }
    }

    /** The objects of one mapping, wired as the mapping rules use them. */
    static final class Wiring {
        final DatabaseRouting routing;
        final Schema schema;
        final AttributeMapper mapper;
        final Relations relations;
        final DerivedIdentity derived;
        final Identifiers ids;
        final EntityTables entityTables;

        Wiring(ScanContext ctx, EntityCatalog catalog) {
            routing = new DatabaseRouting(ctx);
            schema = new Schema(routing::databaseOf);
            ColumnTypes types = new ColumnTypes(ctx);
            mapper = new AttributeMapper(ctx, new BasicColumns(ctx, types));
            relations = new Relations(ctx, catalog, schema, mapper);
            mapper.use(relations, new ElementCollections(ctx, schema, mapper, relations, types),
                    new CollectionIndexes(ctx, new MapKeys(ctx, catalog, schema, mapper, types)));
            derived = new DerivedIdentity(ctx, catalog, mapper);
            ids = new Identifiers(ctx, mapper, derived);
            entityTables = new EntityTables(ctx, ids);
        }
    }

    /**
     * Maps the one entity {@code fqn} alone, the others as {@code old} recorded them (see {@link EntityRemap}): its
     * tables, sequences and hints spliced into {@code oldState} and {@code oldHints}; none (with the reason) when that is
     * not provably the scan of the whole project (then the caller maps it whole).
     */
    public EntityRemap.Result remap(EntityRemap.MapRecord old, String fqn, ProjectState oldState,
                                    dev.keel.diff.DiffHints oldHints) {
        return new EntityRemap(ctx, this).remap(old, fqn, oldState, oldHints);
    }

    /** {@link #attributes} for {@link EntityRemap}. */
    void mapAttributes(EntityInfo e, Wiring w, EntityCatalog catalog) {
        attributes(e, w.schema, w.mapper, w.ids, catalog);
    }

    private void attributes(EntityInfo e, Schema schema, AttributeMapper mapper, Identifiers ids, EntityCatalog catalog) {
        TableSpec table = schema.tableOf(e).orElse(null);
        if (table == null) {
            return;
        }
        boolean perClass = e.strategy() == EntityInfo.Strategy.TABLE_PER_CLASS;
        // TABLE_PER_CLASS: each table repeats the columns of the classes above, but a collection (its join or collection
        // table, or its key column in the target's table) is mapped once, by the entity that declares it, as Hibernate does
        java.util.Set<com.github.javaparser.ast.Node> own = perClass && e.parent() != null
                ? nodes(mapper.attributesOf(e, e.parent()).mapped()) : null;
        boolean subclass = e.strategy() == EntityInfo.Strategy.SINGLE_TABLE && e.parent() != null;
        EntityInfo stop = e.strategy() == EntityInfo.Strategy.TABLE_PER_CLASS ? null : e.parent();
        Site site = Site.of(table, e, subclass, ctx.config().beanValidation()).withOverrides(mapper.classOverrides(e));
        var isId = ids.idTest(e);
        List<Attribute> keyRelations = ids.derived().relations(e);
        AttributeMapper.EntityAttributes attributes = mapper.attributesOf(e, stop);
        NaturalIds naturalIds = new NaturalIds(table);
        for (Attribute a : attributes.mapped()) {
            if (perClass && skippedPerClass(a, table.virtual, own)) {
                continue;
            }
            if (!isId.test(a) && keyRelations.stream().noneMatch(k -> k.node() == a.node() && k.name().equals(a.name()))) {
                if (own != null && !own.contains(a.node())) {
                    mapper.mapGuarded(a, site); // a subclass table repeats the columns above, not the natural id's unique key
                } else {
                    naturalIds.map(a, () -> mapper.mapGuarded(a, site));
                }
                hints.attribute(e.app().label(), table.model(), a);
            }
        }
        for (Attribute generic : table.virtual ? List.<Attribute>of() : attributes.generic()) {
            Optional<Attribute> bound = catalog.all().stream().filter(d -> d != e && d.isOrExtends(e))
                    .sorted(java.util.Comparator.comparingInt(EntityInfo::binding))
                    .map(d -> mapper.specialized(generic, d)).flatMap(Optional::stream).findFirst();
            bound.ifPresentOrElse(a -> {
                naturalIds.map(a, () -> mapper.mapGuarded(a, site));
                hints.attribute(e.app().label(), table.model(), a);
            }, () -> mapper.reportUnbound(generic, e));
        }
        naturalIds.finish();
        for (String sequence : table.serialSequences) {
            // as PostgreSQL's serial: a sequence starting at 1 by 1 (the same for every entity that maps the column)
            schema.addSequence(new dev.keel.state.Sequence(sequence, 1, 1), e);
        }
    }

    /**
     * Whether a TABLE_PER_CLASS entity leaves attribute {@code a} out of its table: the table of an abstract entity
     * ({@code virtual}) maps only the collections the entity declares; a concrete entity's, every attribute but the
     * collections declared above it ({@code own} holds the attributes it declares; null for a root: all).
     */
    private static boolean skippedPerClass(Attribute a, boolean virtual, java.util.Set<com.github.javaparser.ast.Node> own) {
        boolean inherited = own != null && !own.contains(a.node());
        boolean collection = a.has(JpaNames.ELEMENT_COLLECTION) || a.has(JpaNames.MANY_TO_MANY) || a.has(JpaNames.ONE_TO_MANY);
        return virtual ? !collection || inherited : collection && inherited;
    }

    private static java.util.Set<com.github.javaparser.ast.Node> nodes(List<Attribute> attributes) {
        var result = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<com.github.javaparser.ast.Node, Boolean>());
        attributes.forEach(a -> result.add(a.node()));
        return result;
    }

    private ProjectState finish(Schema schema, DatabaseRouting routing, java.util.Set<String> numbered) {
        List<TableSpec> specs = new ArrayList<>(schema.tables());
        specs.sort(java.util.Comparator.comparing(TableSpec::qualifiedDbName));
        Map<String, PgNames> relationNames = new HashMap<>();
        Map<String, TableSpec> byModel = new HashMap<>();
        var finished = new ArrayList<TableSpec>();
        for (TableSpec spec : specs) {
            // Hibernate creates no foreign key to a table whose rows may be in other tables (TABLE_PER_CLASS with subclasses)
            spec.foreignKeys.removeIf(fk -> fk.target().union);
        }
        for (TableSpec spec : specs) {
            spec.foreignKeys.stream().filter(fk -> fk.target().subselect && !spec.subselect).findFirst().ifPresent(fk -> ctx.problems().add(
                    spec.file, spec.line, "table " + spec.qualifiedDbName() + " has a foreign key (" + fk.columns().stream().map(Ident::text)
                            .collect(java.util.stream.Collectors.joining(", ")) + ") to entity " + fk.target().entity + ", which @Subselect maps"
                            + " to a query, not a table", "map the relation on a table's entity, or read the query's rows without a relation"));
        }
        specs.removeIf(spec -> spec.virtual);
        for (TableSpec spec : specs) {
            if (!references(spec)) {
                continue;
            }
            String key = spec.app() + "." + spec.model();
            TableSpec clash = byModel.putIfAbsent(key, spec);
            if (clash != null) {
                ctx.problems().add(spec.file, spec.line, "model " + key + " (table " + spec.qualifiedDbName()
                        + ") is defined twice (also at " + clash.file + ":" + clash.line + ")",
                        "give one of the entities or tables another name");
                continue;
            }
            finished.add(spec);
        }
        routing.checkForeignKeys(specs);
        List<dev.keel.state.Sequence> sequences = schema.sequences().stream().map(s -> routing.route(s, schema)).toList();
        if (!ctx.problems().isEmpty()) {
            return ProjectState.EMPTY; // the tables may be incomplete (a key that could not be mapped)
        }
        var tables = new ArrayList<Table>();
        for (TableSpec spec : finished) {
            PgNames names = relationNames.computeIfAbsent(spec.schema == null ? "" : spec.schema, k -> new PgNames());
            tables.add(TableFinisher.finish(spec, names).database(routing.tableDatabase(spec)).placed(spec.app(), spec.model()));
        }
        relationNames.forEach((name, names) -> {
            if (names.numbered()) {
                numbered.add(name);
            }
        });
        return ProjectState.of(tables, sequences, enumTypes(tables), List.of());
    }

    /**
     * The PostgreSQL enum types of the mapping, each in the database of the tables whose columns are of it (the default
     * one when none is); a type the tables of two databases use is a problem (keel keeps one type by name).
     */
    private List<dev.keel.state.EnumType> enumTypes(List<Table> tables) {
        var result = new ArrayList<dev.keel.state.EnumType>();
        for (dev.keel.state.EnumType type : ctx.namedEnums().types()) {
            var databases = new java.util.TreeSet<String>();
            for (Table t : tables) {
                if (t.columns().stream().anyMatch(c -> dev.keel.state.EnumType.isOfType(c.type(), type.name()))) {
                    databases.add(t.databaseName());
                }
            }
            if (databases.size() > 1) {
                ctx.problems().add(ctx.namedEnums().file(type.name()), ctx.namedEnums().line(type.name()), "the PostgreSQL enum type "
                        + type.name() + " is the type of columns in the databases " + databases + " of keel.json, and keel keeps"
                        + " one enum type of a name in one database", "store the enum with @Enumerated(EnumType.STRING) alone in"
                        + " the entities of all but one database");
                continue;
            }
            result.add(databases.isEmpty() ? type : type.database(databases.first()));
        }
        return result;
    }

    /** Whether every column that a key, unique constraint or index names exists; reports those that do not. */
    boolean references(TableSpec spec) {
        boolean ok = true;
        var named = new ArrayList<List<Ident>>();
        spec.uniques.forEach(u -> named.add(u.columns()));
        spec.indexes.forEach(i -> named.add(i.columnIdents()));
        for (List<Ident> columns : named) {
            for (Ident c : columns) {
                if (!spec.hasColumn(c) && spec.incomplete) {
                    ok = false; // an attribute that failed may be the column: its problem is the one to report
                } else if (!spec.hasColumn(c)) {
                    ctx.problems().add(spec.file, spec.line, "table " + spec.qualifiedDbName() + " has no column " + c.db()
                            + " (named in a unique constraint or index)", "name an existing column (after the naming strategy: "
                            + spec.columns().stream().map(x -> x.name().db()).sorted().toList() + ")");
                    ok = false;
                }
            }
        }
        return ok;
    }
}
