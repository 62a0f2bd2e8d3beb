package dev.keel.scan.internal;

import dev.keel.cache.ContentHash;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.state.Index;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps one changed entity alone after a full mapping recorded what each entity read and wrote
 * ({@link MappingRecorder}, kept as a {@link MapRecord}), and splices its tables, sequences and hints into the
 * state of that mapping: the scan after one entity's outline changed costs the mapping of that entity, not of
 * the project. Only when it is provably the full mapping's answer; otherwise (any doubt) the caller maps the
 * whole project. The entity {@code E} of the changed file is re-mapped alone when:
 *
 * <ul>
 *   <li>the file declares the same types (with the same annotation names) before and after, and {@code E} is an
 *       entity alone in its hierarchy (no entity superclass, no entity subclass, no {@code @Inheritance}) before and
 *       after, with no derived identity;</li>
 *   <li>no other subject of the last mapping read the file's trees (its attributes, constants, embeddables...), obtained
 *       {@code E}'s table ({@link Schema#tableOf}), or wrote into a table or sequence {@code E} wrote; those that read
 *       {@code E}'s interface alone ({@link #iface}: a foreign key to it) read the same interface before and after,
 *       which must not change during the mapping either (stable);</li>
 *   <li>{@code E}'s new mapping obtains no other entity's table, reads the interface of others only where the last
 *       mapping recorded a stable interface equal to what it reads now (each such entity's key mapped on demand,
 *       alone, when its key reads no other entity), writes only tables and sequences of its own whose names no other
 *       table or sequence has, and finds no problem;</li>
 *   <li>the whole-project steps give the same answer: one database; no constraint name PostgreSQL would number in the
 *       schemas concerned (neither before nor now), so that names do not depend on the order of the tables; no model
 *       defined twice.</li>
 * </ul>
 */
public final class EntityRemap {
    private final ScanContext ctx;
    private final SchemaBuilder builder;

    EntityRemap(ScanContext ctx, SchemaBuilder builder) {
        this.ctx = ctx;
        this.builder = builder;
    }

    /** The result of a re-mapping: the spliced state, hints and record, and how many entities were mapped. */
    public record Spliced(ProjectState state, DiffHints hints, MapRecord record, int mapped, int reused) {}

    /** The subject of an entity's key pass. */
    static String keys(String fqn) {
        return fqn + "#keys";
    }

    /** The entity a subject maps ({@code com.acme.Order} for {@code com.acme.Order#keys}), or the subject when it is none. */
    static String owner(String subject) {
        int at = subject.indexOf('#');
        return at <= 0 ? subject : subject.substring(0, at);
    }

    /**
     * What a relation to {@code e} reads of it (hashed): its entity name, app, inheritance, and its table's name,
     * schema, whether it is a union or virtual table, and its key columns with every property (names, types, fields).
     */
    static String iface(EntityInfo e, Schema schema) {
        var text = new StringBuilder(256).append(e.entityName()).append('\n').append(e.app().label()).append('\n')
                .append(e.strategy()).append('\n').append(e.parent() == null ? "" : e.parent().type().fqn()).append('\n')
                .append(e.hasChildren()).append('\n');
        TableSpec t = schema.peek(e);
        if (t == null) {
            text.append("no table");
        } else {
            text.append(t.name()).append('\n').append(t.schema).append('\n').append(t.union).append('\n').append(t.virtual)
                    .append('\n').append(t.primaryKey).append('\n');
            if (t.primaryKey != null) {
                for (Ident k : t.primaryKey) {
                    text.append(t.column(k).map(Object::toString).orElse("missing " + k)).append('\n');
                }
            }
        }
        return ContentHash.of(text.toString());
    }

    /** Why the last {@link #remap} mapped nothing (for {@code -v 3}). */
    private String why = "";

    /** {@link SchemaBuilder#remap}. */
    Result remap(MapRecord old, String fqn, ProjectState oldState, DiffHints oldHints) {
        try {
            return decide(old, fqn, oldState, oldHints);
        } finally {
            MappingRecorder.stop();
        }
    }

    /** A splice, or why there is none. */
    public record Result(Spliced spliced, String why) {}

    private Result no(String reason) {
        return new Result(null, reason);
    }

    private Result decide(MapRecord old, String fqn, ProjectState oldState, DiffHints oldHints) {
        MapRecord.Entry was = old.entries.get(fqn);
        if (was == null || !was.entity) {
            return no(fqn + " is no entity of the last mapping");
        }
        if (!was.strategy.equals("NONE") || !was.parent.isEmpty() || was.hasChildren) {
            return no(fqn + " is in an inheritance hierarchy");
        }
        if (was.sharedTables || was.sharedSequences) {
            return no(fqn + " shares a table or sequence with other mappings");
        }
        if (!was.tables.isEmpty()) {
            return no(fqn + " read or wrote the table of " + was.tables); // what it wrote there would stay
        }
        if (ctx.config().databaseNames().size() > 1) {
            return no("the project has several databases");
        }
        if (!oldState.enumTypes().isEmpty()) {
            return no("the project has PostgreSQL enum types, which several entities may share");
        }
        boolean readers = false;
        for (MapRecord.Entry s : old.entries.values()) {
            if (s.subject.equals(fqn)) {
                continue;
            }
            if (s.trees.contains(was.file)) {
                return no(s.subject + " reads " + was.file);
            }
            if (s.tables.contains(fqn) || s.tables.contains("*")) {
                return no(s.subject + " reads the table of " + fqn);
            }
            readers |= s.ifaces.contains(fqn);
        }
        if (readers && !was.keysIface.equals(was.finalIface)) {
            return no("the key of " + fqn + " changed while it was mapped");
        }
        Optional<TypeInfo> type = ctx.index().type(fqn);
        if (type.isEmpty() || !type.get().file().toString().equals(was.file)) {
            return no(fqn + " moved");
        }
        if (!declared(ctx.index(), type.get().file()).equals(was.declared)) {
            return no(was.file + " declares other types or annotations");
        }
        MappingRecorder rec = MappingRecorder.start();
        EntityCatalog catalog = EntityCatalog.restored(ctx, old, fqn).orElse(null);
        if (catalog == null) {
            return no(fqn + " is no longer alone in its hierarchy");
        }
        MappingRecorder.enter(MappingRecorder.SETUP);
        var w = new SchemaBuilder.Wiring(ctx, catalog);
        EntityInfo e = catalog.entity(fqn).orElseThrow();
        var onDemand = new ArrayList<EntityInfo>();
        var spoiled = new ArrayList<String>();
        rec.onMissingTable = y -> {
            MapRecord.Entry ye = old.entries.get(y.type().fqn());
            if (y == e || ye == null || !ye.onDemand()) {
                spoiled.add(y.type().fqn());
                return;
            }
            String before = MappingRecorder.enter(keys(y.type().fqn()));
            try {
                w.entityTables.create(y, w.schema);
            } finally {
                MappingRecorder.leave(before);
            }
            onDemand.add(y);
        };
        MappingRecorder.enter(keys(fqn));
        if (!w.derived.keySources(e).isEmpty()) {
            return no(fqn + " derives its key from another entity");
        }
        w.entityTables.create(e, w.schema);
        builder.hints().entity(e);
        String keysIface = iface(e, w.schema);
        MappingRecorder.enter(fqn);
        builder.mapAttributes(e, w, catalog);
        MappingRecorder.enter("#collection-keys");
        w.relations.bindCollectionKeys();
        MappingRecorder.enter("#indexes");
        w.mapper.indexes().finish();
        MappingRecorder.enter(fqn);
        w.routing.entity(e, w.schema);
        for (EntityInfo y : onDemand) {
            MappingRecorder.enter(keys(y.type().fqn()));
            w.routing.entity(y, w.schema);
        }
        MappingRecorder.enter("#finish");
        if (!ctx.problems().isEmpty()) {
            return no("the mapping of " + fqn + " has problems");
        }
        if (!spoiled.isEmpty()) {
            return no(fqn + " reads " + spoiled + ", whose keys cannot be mapped alone");
        }
        Map<Path, List<String>> declaredByFile = new HashMap<>();
        declaredByFile.put(type.get().file(), was.declared);
        MapRecord.Entry mine = MapRecord.entry(rec, e, w.schema, keysIface, declaredByFile);
        if (!mine.keysIface.equals(mine.finalIface)) {
            return no("the key of " + fqn + " changes while it is mapped");
        }
        if (readers && !mine.finalIface.equals(was.finalIface)) {
            return no("what other entities read of " + fqn + " changed");
        }
        if (!mine.tables.isEmpty()) {
            return no(fqn + " reads or writes the table of " + mine.tables);
        }
        if (mine.sharedTables || mine.sharedSequences) {
            return no(fqn + " shares a table or sequence");
        }
        for (String y : mine.ifaces) {
            MapRecord.Entry ye = old.entries.get(y);
            if (ye == null || !ye.entity || !ye.keysIface.equals(ye.finalIface)
                    || !iface(catalog.entity(y).orElseThrow(), w.schema).equals(ye.finalIface)) {
                return no("what " + fqn + " reads of " + y + " is not what the last mapping recorded");
            }
        }
        for (var reads : rec.trees.entrySet()) {
            if (!owner(reads.getKey()).equals(fqn) && reads.getValue().contains(type.get().file())) {
                return no(reads.getKey() + " reads " + was.file);
            }
        }
        for (EntityInfo y : onDemand) {
            if (rec.tables.containsKey(keys(y.type().fqn())) || rec.interfaces.containsKey(keys(y.type().fqn()))) {
                return no("the key of " + y.type().fqn() + " reads other entities");
            }
        }
        return splice(old, was, mine, w, rec, oldState, oldHints, catalog.all().size(), onDemand.size());
    }

    /** The types a file declares, each with its annotation names, as the record keeps them. */
    static List<String> declared(SourceIndex index, Path file) {
        var result = new ArrayList<String>();
        for (TypeInfo t : index.typesIn(file)) {
            result.add(t.fqn() + " " + String.join(",", t.annotationNames()));
        }
        return result;
    }

    private Result splice(MapRecord old, MapRecord.Entry was, MapRecord.Entry mine, SchemaBuilder.Wiring w, MappingRecorder rec,
                          ProjectState oldState, DiffHints oldHints, int entities, int keysMapped) {
        Set<ModelKey> oldKeys = new HashSet<>();
        was.models.forEach(m -> oldKeys.add(MapRecord.modelKey(m)));
        var specs = new ArrayList<TableSpec>();
        for (var r : rec.registrants.entrySet()) {
            if (r.getValue().stream().map(EntityRemap::owner).allMatch(mine.subject::equals) && !r.getKey().virtual) {
                specs.add(r.getKey());
            }
        }
        specs.sort(java.util.Comparator.comparing(TableSpec::qualifiedDbName));
        var others = new ArrayList<Table>();
        var otherNames = new HashSet<String>();
        for (Table t : oldState.tables()) {
            if (!oldKeys.contains(new ModelKey(t.app(), t.model()))) {
                others.add(t);
                otherNames.add(t.qualifiedName());
            }
        }
        var newKeys = new HashSet<ModelKey>();
        for (TableSpec spec : specs) {
            spec.foreignKeys.removeIf(fk -> fk.target().union);
            if (!builder.references(spec)) {
                return no("a table of " + mine.subject + " names a missing column");
            }
            ModelKey key = new ModelKey(spec.app(), spec.model());
            if (!newKeys.add(key) || oldState.table(key).isPresent() && !oldKeys.contains(key)) {
                return no("model " + key + " is defined twice");
            }
            if (otherNames.contains(spec.qualifiedDbName())) {
                return no("table " + spec.qualifiedDbName() + " is mapped by other entities too");
            }
        }
        w.routing.checkForeignKeys(specs);
        var sequences = new ArrayList<Sequence>();
        for (Sequence s : w.schema.sequences()) {
            if (mine.sequences.contains(s.name())) {
                if (oldState.sequence(s.name()).isPresent() && !was.sequences.contains(s.name())) {
                    return no("sequence " + s.name() + " is shared");
                }
                sequences.add(w.routing.route(s, w.schema));
            }
        }
        if (!ctx.problems().isEmpty()) {
            return no("the tables of " + mine.subject + " have problems");
        }
        if (!ctx.namedEnums().isEmpty()) {
            return no("the mapping of " + mine.subject + " asks for a PostgreSQL enum type");
        }
        var schemas = new HashSet<String>();
        specs.forEach(s -> schemas.add(s.schema == null ? "" : s.schema));
        for (ModelKey k : oldKeys) {
            oldState.table(k).ifPresent(t -> schemas.add(t.schema() == null ? "" : t.schema()));
        }
        for (String s : schemas) {
            if (old.numbered.contains(s)) {
                return no("PostgreSQL numbers constraint names in schema \"" + s + "\"");
            }
        }
        var taken = new HashMap<String, Set<String>>();
        for (Table t : others) {
            String s = t.schema() == null ? "" : t.schema();
            if (schemas.contains(s)) {
                relationNames(t, taken.computeIfAbsent(s, k -> new HashSet<>()));
            }
        }
        var names = new HashMap<String, PgNames>();
        var tables = new ArrayList<Table>(others);
        for (TableSpec spec : specs) {
            String s = spec.schema == null ? "" : spec.schema;
            PgNames pg = names.computeIfAbsent(s, k -> {
                var fresh = new PgNames();
                taken.getOrDefault(k, Set.of()).forEach(fresh::take);
                return fresh;
            });
            Table t = TableFinisher.finish(spec, pg).database(w.routing.tableDatabase(spec)).placed(spec.app(), spec.model());
            var own = new HashSet<String>();
            relationNames(t, own);
            if (pg.numbered() || own.stream().anyMatch(n -> taken.getOrDefault(s, Set.of()).contains(n))) {
                return no("a constraint name of " + t.qualifiedName() + " is another table's");
            }
            tables.add(t);
        }
        if (!ctx.problems().isEmpty()) {
            return no("the tables of " + mine.subject + " have problems");
        }
        var seqs = new ArrayList<Sequence>();
        for (Sequence s : oldState.sequences()) {
            if (!was.sequences.contains(s.name())) {
                seqs.add(s);
            }
        }
        seqs.addAll(sequences);
        ProjectState state = ProjectState.of(tables, seqs, List.of());
        var models = new HashSet<ModelKey>(oldKeys);
        models.add(new ModelKey(was.app, was.entityName.toLowerCase(java.util.Locale.ROOT)));
        DiffHints fresh = builder.hints().hints();
        var renamedModels = new HashMap<ModelKey, String>();
        oldHints.renamedModels().forEach((k, v) -> {
            if (!models.contains(k)) {
                renamedModels.put(k, v);
            }
        });
        renamedModels.putAll(fresh.renamedModels());
        DiffHints hints = new DiffHints(renamedModels, fields(oldHints.renamedFields(), models, fresh.renamedFields()),
                fields(oldHints.initializerDefaults(), models, fresh.initializerDefaults()));
        return new Result(new Spliced(state, hints, old.with(mine, rec), 1 + keysMapped, entities - 1), "");
    }

    private static Map<FieldRef, String> fields(Map<FieldRef, String> old, Set<ModelKey> models, Map<FieldRef, String> fresh) {
        var result = new HashMap<FieldRef, String>();
        old.forEach((k, v) -> {
            if (!models.contains(new ModelKey(k.app(), k.model()))) {
                result.put(k, v);
            }
        });
        result.putAll(fresh);
        return result;
    }

    /** The names a table takes among the relations of its schema (its primary key, unique constraints and indexes). */
    private static void relationNames(Table t, Set<String> into) {
        if (t.primaryKey() != null) {
            into.add(t.primaryKey().name());
        }
        t.constraints().forEach(c -> {
            if (c instanceof UniqueConstraint u) {
                into.add(u.name());
            }
        });
        for (Index i : t.indexes()) {
            into.add(i.name());
        }
    }

    /**
     * What a full mapping recorded, per subject ({@link MappingRecorder}): for each entity its catalog entry, the
     * interface it offered after its key and at the end, the tables (models) and sequences it alone wrote, and what
     * it read: files (trees), other entities' tables, other entities' interfaces. Also the subjects that are no entity
     * (the whole-project steps), and the schemas where PostgreSQL's constraint names were numbered.
     */
    public static final class MapRecord {
        /** One subject's record. */
        static final class Entry {
            final String subject;
            final boolean entity;
            String file = "";
            List<String> declared = List.of();
            String entityName = "";
            String app = "";
            String parent = "";
            String strategy = "";
            boolean hasChildren;
            int binding;
            String keysIface = "";
            String finalIface = "";
            boolean keyReads;
            boolean sharedTables;
            boolean sharedSequences;
            List<String> models = new ArrayList<>();
            List<String> sequences = new ArrayList<>();
            Set<String> trees = new TreeSet<>();
            Set<String> tables = new TreeSet<>();
            Set<String> ifaces = new TreeSet<>();

            Entry(String subject, boolean entity) {
                this.subject = subject;
                this.entity = entity;
            }

            /** Whether its key may be mapped alone for a re-mapping that reads its interface. */
            boolean onDemand() {
                return entity && strategy.equals("NONE") && parent.isEmpty() && !hasChildren && !keyReads && !sharedTables
                        && keysIface.equals(finalIface);
            }
        }

        final Map<String, Entry> entries;
        final Set<String> numbered;

        private MapRecord(Map<String, Entry> entries, Set<String> numbered) {
            this.entries = entries;
            this.numbered = numbered;
        }

        /** The entities, in the catalog's order. */
        List<Entry> entities() {
            return entries.values().stream().filter(x -> x.entity).toList();
        }

        /** The entity a file declares, if the record knows it (the file's only entity). */
        public Optional<String> entityIn(Path file) {
            String f = file.toString();
            List<Entry> in = entries.values().stream().filter(x -> x.entity && x.file.equals(f)).toList();
            return in.size() == 1 ? Optional.of(in.get(0).subject) : Optional.empty();
        }

        /** How many entities it records. */
        public int entityCount() {
            return (int) entries.values().stream().filter(x -> x.entity).count();
        }

        static ModelKey modelKey(String m) {
            int at = m.indexOf('\u001e');
            return new ModelKey(m.substring(0, at), m.substring(at + 1));
        }

        static MapRecord of(MappingRecorder rec, EntityCatalog catalog, Schema schema, Map<String, String> keysIfaces,
                            Set<String> numbered, SourceIndex index) {
            var byFile = new HashMap<Path, List<String>>();
            var entries = new LinkedHashMap<String, Entry>();
            Writes writes = new Writes(rec);
            for (EntityInfo e : catalog.all()) {
                Path file = e.type().file();
                List<String> declared = byFile.computeIfAbsent(file, f -> declared(index, f));
                entries.put(e.type().fqn(), entry(rec, writes, e, schema, keysIfaces.get(e.type().fqn()),
                        Map.of(file, declared)));
            }
            var subjects = new TreeSet<String>();
            subjects.addAll(rec.trees.keySet());
            subjects.addAll(rec.tables.keySet());
            subjects.addAll(rec.interfaces.keySet());
            for (String s : subjects) {
                String owner = owner(s);
                if (entries.containsKey(owner)) {
                    continue;
                }
                Entry other = entries.computeIfAbsent(owner, k -> new Entry(k, false));
                rec.trees.getOrDefault(s, Set.of()).forEach(p -> other.trees.add(p.toString()));
                other.tables.addAll(rec.tables.getOrDefault(s, Set.of()));
                other.ifaces.addAll(rec.interfaces.getOrDefault(s, Set.of()));
            }
            return new MapRecord(entries, Set.copyOf(numbered));
        }

        /** The tables and sequences each entity wrote (registered), with the subjects that wrote each, by entity. */
        static final class Writes {
            final Map<String, List<TableSpec>> tables = new HashMap<>();
            final Map<TableSpec, Set<String>> tableOwners = new java.util.IdentityHashMap<>();
            final Map<String, List<String>> sequences = new HashMap<>();
            final Map<String, Set<String>> sequenceOwners = new HashMap<>();

            Writes(MappingRecorder rec) {
                for (var r : rec.registrants.entrySet()) {
                    Set<String> owners = new HashSet<>();
                    r.getValue().forEach(s -> owners.add(owner(s)));
                    tableOwners.put(r.getKey(), owners);
                    owners.forEach(o -> tables.computeIfAbsent(o, k -> new ArrayList<>()).add(r.getKey()));
                }
                for (var q : rec.sequences.entrySet()) {
                    Set<String> owners = new HashSet<>();
                    q.getValue().forEach(s -> owners.add(owner(s)));
                    sequenceOwners.put(q.getKey(), owners);
                    owners.forEach(o -> sequences.computeIfAbsent(o, k -> new ArrayList<>()).add(q.getKey()));
                }
            }
        }

        /** The entry of entity {@code e} from what {@code rec} recorded. */
        static Entry entry(MappingRecorder rec, EntityInfo e, Schema schema, String keysIface, Map<Path, List<String>> declared) {
            return entry(rec, new Writes(rec), e, schema, keysIface, declared);
        }

        private static Entry entry(MappingRecorder rec, Writes writes, EntityInfo e, Schema schema, String keysIface,
                                   Map<Path, List<String>> declared) {
            String fqn = e.type().fqn();
            Entry x = new Entry(fqn, true);
            x.file = e.type().file().toString();
            x.declared = declared.get(e.type().file());
            x.entityName = e.entityName();
            x.app = e.app().label();
            x.parent = e.parent() == null ? "" : e.parent().type().fqn();
            x.strategy = e.strategy().name();
            x.hasChildren = e.hasChildren();
            x.binding = e.binding();
            x.keysIface = keysIface == null ? "" : keysIface;
            x.finalIface = iface(e, schema);
            for (String s : List.of(fqn, keys(fqn))) {
                rec.trees.getOrDefault(s, Set.of()).forEach(p -> x.trees.add(p.toString()));
                x.tables.addAll(rec.tables.getOrDefault(s, Set.of()));
                x.ifaces.addAll(rec.interfaces.getOrDefault(s, Set.of()));
            }
            x.trees.remove(x.file);
            x.tables.remove(fqn);
            x.ifaces.remove(fqn);
            x.keyReads = rec.tables.containsKey(keys(fqn)) || rec.interfaces.containsKey(keys(fqn));
            for (TableSpec t : writes.tables.getOrDefault(fqn, List.of())) {
                if (writes.tableOwners.get(t).size() > 1) {
                    x.sharedTables = true;
                } else if (!t.virtual) {
                    x.models.add(t.app() + '\u001e' + t.model());
                }
            }
            for (String q : writes.sequences.getOrDefault(fqn, List.of())) {
                if (writes.sequenceOwners.get(q).size() > 1) {
                    x.sharedSequences = true;
                } else {
                    x.sequences.add(q);
                }
            }
            java.util.Collections.sort(x.models);
            java.util.Collections.sort(x.sequences);
            return x;
        }

        /** This record with {@code mine} in place of its entity's entry, and the whole-project steps' reads of {@code rec} added. */
        MapRecord with(Entry mine, MappingRecorder rec) {
            var copy = new LinkedHashMap<String, Entry>(entries);
            copy.put(mine.subject, mine);
            for (var t : rec.trees.entrySet()) {
                if (t.getKey().startsWith("#")) {
                    Entry was = copy.get(t.getKey());
                    Entry now = new Entry(t.getKey(), false);
                    if (was != null) {
                        now.trees.addAll(was.trees);
                        now.tables.addAll(was.tables);
                        now.ifaces.addAll(was.ifaces);
                    }
                    t.getValue().forEach(p -> now.trees.add(p.toString()));
                    now.tables.addAll(rec.tables.getOrDefault(t.getKey(), Set.of()));
                    now.ifaces.addAll(rec.interfaces.getOrDefault(t.getKey(), Set.of()));
                    copy.put(t.getKey(), now);
                }
            }
            return new MapRecord(copy, numbered);
        }

        private static final char LIST = '\u001f';

        /** The record as text (null when a name cannot be written in it: a tab, line break or separator). */
        public String encode() {
            if (!writable()) {
                return null;
            }
            var files = new LinkedHashMap<String, Integer>();
            var body = new StringBuilder();
            for (String n : numbered) {
                body.append("N\t").append(n).append('\n');
            }
            for (Entry x : entries.values()) {
                body.append(x.entity ? "E" : "O").append('\t').append(x.subject).append('\t').append(x.file).append('\t')
                        .append(String.join(String.valueOf(LIST), x.declared)).append('\t').append(x.entityName).append('\t')
                        .append(x.app).append('\t').append(x.parent).append('\t').append(x.strategy).append('\t')
                        .append(x.hasChildren ? 1 : 0).append('\t').append(x.binding).append('\t').append(x.keysIface).append('\t')
                        .append(x.finalIface).append('\t').append(x.keyReads ? 1 : 0).append('\t').append(x.sharedTables ? 1 : 0)
                        .append('\t').append(x.sharedSequences ? 1 : 0).append('\t')
                        .append(String.join(String.valueOf(LIST), x.models)).append('\t')
                        .append(String.join(String.valueOf(LIST), x.sequences)).append('\t');
                boolean first = true;
                for (String f : x.trees) {
                    body.append(first ? "" : String.valueOf(LIST)).append(files.computeIfAbsent(f, k -> files.size()));
                    first = false;
                }
                body.append('\t').append(String.join(String.valueOf(LIST), x.tables)).append('\t')
                        .append(String.join(String.valueOf(LIST), x.ifaces)).append('\n');
            }
            var text = new StringBuilder(body.length() + files.size() * 64);
            for (var f : files.entrySet()) {
                if (!writable(f.getKey())) {
                    return null;
                }
                text.append("F\t").append(f.getKey()).append('\n');
            }
            text.append(body);
            return text.toString();
        }

        /** Whether every name of the record can be written in its text (no tab, line break or list separator). */
        private boolean writable() {
            for (String n : numbered) {
                if (!writable(n)) {
                    return false;
                }
            }
            for (Entry x : entries.values()) {
                for (String v : List.of(x.subject, x.file, x.entityName, x.app, x.parent, x.strategy)) {
                    if (!writable(v)) {
                        return false;
                    }
                }
                for (var list : List.of(x.declared, x.models, x.sequences, List.copyOf(x.tables), List.copyOf(x.ifaces))) {
                    for (String v : list) {
                        if (!writable(v)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        private static boolean writable(String v) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\t' || c == '\n' || c == '\r' || c == LIST) {
                    return false;
                }
            }
            return true;
        }

        /** The record {@link #encode} wrote, or empty when the text is not one. */
        public static Optional<MapRecord> decode(String text) {
            try {
                var files = new ArrayList<String>();
                var entries = new LinkedHashMap<String, Entry>();
                var numbered = new HashSet<String>();
                for (String line : text.split("\n")) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    switch (f[0]) {
                        case "F" -> {
                            if (f.length != 2) {
                                return Optional.empty();
                            }
                            files.add(f[1]);
                        }
                        case "N" -> {
                            if (f.length != 2) {
                                return Optional.empty();
                            }
                            numbered.add(f[1]);
                        }
                        case "E", "O" -> {
                            if (f.length != 20) {
                                return Optional.empty();
                            }
                            Entry x = new Entry(f[1], f[0].equals("E"));
                            x.file = f[2];
                            x.declared = list(f[3]);
                            x.entityName = f[4];
                            x.app = f[5];
                            x.parent = f[6];
                            x.strategy = f[7];
                            x.hasChildren = f[8].equals("1");
                            x.binding = Integer.parseInt(f[9]);
                            x.keysIface = f[10];
                            x.finalIface = f[11];
                            x.keyReads = f[12].equals("1");
                            x.sharedTables = f[13].equals("1");
                            x.sharedSequences = f[14].equals("1");
                            x.models = new ArrayList<>(list(f[15]));
                            x.sequences = new ArrayList<>(list(f[16]));
                            for (String i : list(f[17])) {
                                x.trees.add(files.get(Integer.parseInt(i)));
                            }
                            x.tables.addAll(list(f[18]));
                            x.ifaces.addAll(list(f[19]));
                            if (entries.put(x.subject, x) != null) {
                                return Optional.empty();
                            }
                        }
                        default -> {
                            return Optional.empty();
                        }
                    }
                }
                return Optional.of(new MapRecord(entries, Set.copyOf(numbered)));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }

        /**
         * The record in a compact cache document ({@link dev.keel.cache.Compact}): the schemas numbered, then each entry
         * field by field, in the order of {@link #encode}'s columns (the files of the trees each once, as their number).
         * {@link #read} reads it back. A field added to {@link Entry} is written and read here, in the same place of
         * both, and {@code ScanCache.MapRecords}' version goes up.
         */
        public void write(dev.keel.cache.Compact.Writer w) {
            w.strings(new TreeSet<>(numbered));
            w.count(entries.size());
            for (Entry x : entries.values()) {
                w.string(x.subject);
                w.bool(x.entity);
                w.string(x.file);
                w.strings(x.declared);
                w.string(x.entityName);
                w.string(x.app);
                w.string(x.parent);
                w.string(x.strategy);
                w.bool(x.hasChildren);
                w.number(x.binding);
                w.string(x.keysIface);
                w.string(x.finalIface);
                w.bool(x.keyReads);
                w.bool(x.sharedTables);
                w.bool(x.sharedSequences);
                w.strings(x.models);
                w.strings(x.sequences);
                w.strings(x.trees);
                w.strings(x.tables);
                w.strings(x.ifaces);
            }
        }

        /**
         * The record {@link #write} wrote.
         *
         * @throws IllegalArgumentException when the bytes are not such a record (two entries of one subject included)
         */
        public static MapRecord read(dev.keel.cache.Compact.Reader r) {
            var numbered = Set.copyOf(r.strings());
            long size = r.count();
            var entries = new LinkedHashMap<String, Entry>();
            for (long i = 0; i < size; i++) {
                Entry x = new Entry(r.string(), r.bool());
                x.file = r.string();
                x.declared = List.copyOf(r.strings());
                x.entityName = r.string();
                x.app = r.string();
                x.parent = r.string();
                x.strategy = r.string();
                x.hasChildren = r.bool();
                x.binding = r.integer();
                x.keysIface = r.string();
                x.finalIface = r.string();
                x.keyReads = r.bool();
                x.sharedTables = r.bool();
                x.sharedSequences = r.bool();
                x.models = java.util.Objects.requireNonNull(r.strings(), "models");
                x.sequences = java.util.Objects.requireNonNull(r.strings(), "sequences");
                x.trees.addAll(r.strings());
                x.tables.addAll(r.strings());
                x.ifaces.addAll(r.strings());
                if (x.subject == null || x.file == null || x.entityName == null || x.app == null || x.parent == null
                        || x.strategy == null || x.keysIface == null || x.finalIface == null) {
                    throw new IllegalArgumentException("an entry without a name");
                }
                if (entries.put(x.subject, x) != null) {
                    throw new IllegalArgumentException("two entries of " + x.subject);
                }
            }
            return new MapRecord(entries, numbered);
        }

        private static List<String> list(String field) {
            return field.isEmpty() ? List.of() : List.of(field.split(String.valueOf(LIST), -1));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MapRecord r && Objects.equals(encode(), r.encode());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(encode());
        }
    }
}
