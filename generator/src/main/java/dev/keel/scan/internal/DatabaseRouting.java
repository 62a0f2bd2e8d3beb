package dev.keel.scan.internal;

import dev.keel.config.KeelConfig;
import dev.keel.state.Sequence;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which database of {@code keel.json} each table and sequence lives in. An entity's table goes where
 * {@code @Database} on the entity (or on the root of its hierarchy) says, else to {@code default}; a join
 * or collection table goes with the tables it references; a sequence with the entities whose ids it
 * gives. A foreign key cannot cross databases, and a name {@code keel.json} does not know is an error:
 * both are reported with file and line. Null stands for the default database, as in the state.
 */
final class DatabaseRouting {
    static final String DATABASE = "dev.keel.annotations.Database";

    private final ScanContext ctx;
    private final Map<TableSpec, String> entityTables = new IdentityHashMap<>();
    private final Map<TableSpec, EntityInfo> entityOf = new IdentityHashMap<>();
    private final Map<EntityInfo, String> entityDatabases = new IdentityHashMap<>();
    private final Map<TableSpec, String> resolved = new IdentityHashMap<>();

    DatabaseRouting(ScanContext ctx) {
        this.ctx = ctx;
    }

    /** Records the database of the table an entity owns (or shares with its hierarchy's root). */
    void entity(EntityInfo e, Schema schema) {
        Optional<TableSpec> table = schema.tableOf(e);
        if (table.isEmpty()) {
            return;
        }
        String db = databaseOf(e);
        String before = entityTables.get(table.get());
        if (entityTables.containsKey(table.get()) && !Objects.equals(before, db)) {
            ctx.problems().add(e.type().file(), e.type().decl(), "entity " + e.entityName() + " is routed to database "
                    + show(db) + " but shares table " + table.get().qualifiedDbName() + " with an entity routed to "
                    + show(before), "route the whole hierarchy to one database: put @Database on its root only");
            return;
        }
        entityTables.put(table.get(), db);
        entityOf.putIfAbsent(table.get(), e);
    }

    /** The database of an entity: its own {@code @Database}, its nearest ancestor's, or null (default). */
    String databaseOf(EntityInfo e) {
        if (!entityDatabases.containsKey(e)) {
            entityDatabases.put(e, declared(e));
        }
        return entityDatabases.get(e);
    }

    private String declared(EntityInfo e) {
        for (EntityInfo x = e; x != null; x = x.parent()) {
            Optional<AnnotationView> a = ctx.annotation(x.type(), DATABASE);
            if (a.isPresent()) {
                String name = a.get().string("value", "");
                KeelConfig config = ctx.config();
                if (!config.hasDatabase(name)) {
                    ctx.problems().add(x.type().file(), a.get().node(), "@Database(\"" + name + "\") names no database of "
                            + KeelConfig.FILE_NAME + " (databases: " + config.databaseNames() + ")",
                            "use one of those names, or add \"" + name + "\" to \"databases\" in " + KeelConfig.FILE_NAME);
                }
                return name.equals(KeelConfig.DEFAULT_DATABASE) ? null : name;
            }
        }
        if (!ctx.config().hasDatabase(KeelConfig.DEFAULT_DATABASE)) {
            ctx.problems().add(e.type().file(), e.type().decl(), "entity " + e.entityName() + " has no @Database, and "
                    + KeelConfig.FILE_NAME + " names no database \"" + KeelConfig.DEFAULT_DATABASE + "\" (databases: "
                    + ctx.config().databaseNames() + ")", "route it with @Database(\"NAME\"), or add a database named \""
                    + KeelConfig.DEFAULT_DATABASE + "\"");
        }
        return null;
    }

    /**
     * The database of every table: entity tables as recorded, others with the tables they reference.
     * Reports join tables between databases and foreign keys that cross databases.
     */
    String tableDatabase(TableSpec spec) {
        if (resolved.containsKey(spec)) {
            return resolved.get(spec);
        }
        String db;
        if (entityTables.containsKey(spec)) {
            db = entityTables.get(spec);
        } else {
            var targets = new LinkedHashSet<String>();
            for (TableSpec.ForeignKeySpec fk : spec.foreignKeys) {
                if (fk.target() != spec && entityTables.containsKey(fk.target())) {
                    targets.add(show(entityTables.get(fk.target())));
                }
            }
            if (targets.size() > 1) {
                ctx.problems().add(spec.file, spec.line, "table " + spec.qualifiedDbName() + " links tables of databases "
                        + targets + "; a join or collection table lives in one database",
                        "keep the related entities in one database, or map the link as plain id columns");
            }
            db = targets.isEmpty() ? null : unshow(targets.iterator().next());
        }
        resolved.put(spec, db);
        return db;
    }

    /** Reports every foreign key whose target lives in another database than its table. */
    void checkForeignKeys(List<TableSpec> specs) {
        for (TableSpec spec : specs) {
            String db = tableDatabase(spec);
            for (TableSpec.ForeignKeySpec fk : spec.foreignKeys) {
                if (!fk.enforced()) {
                    continue;
                }
                String target = tableDatabase(fk.target());
                if (!Objects.equals(db, target)) {
                    ctx.problems().add(spec.file, spec.line, "table " + spec.qualifiedDbName() + " (database " + show(db)
                            + ") has a foreign key to " + fk.target().qualifiedDbName() + " (database " + show(target)
                            + "); PostgreSQL cannot enforce a key across databases",
                            "keep both entities in one database, or map the reference as a plain id column"
                                    + " (or @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)))");
                }
            }
        }
    }

    /** The sequence placed in the database of the entities it serves. */
    Sequence route(Sequence sequence, Schema schema) {
        Set<EntityInfo> owners = schema.sequenceOwners(sequence.name());
        var dbs = new LinkedHashSet<String>();
        for (EntityInfo e : owners) {
            // only the database of the table is read (not recorded as a read of the table: EntityRemap re-maps one entity
            // alone only in a project of one database)
            TableSpec table = schema.peek(e);
            dbs.add(show(table != null ? tableDatabase(table) : databaseOf(e)));
        }
        if (dbs.size() > 1) {
            EntityInfo first = owners.iterator().next();
            ctx.problems().add(first.type().file(), first.type().decl(), "sequence " + sequence.name()
                    + " gives ids to entities of databases " + dbs, "give the entities of each database their own sequence");
        }
        return dbs.isEmpty() ? sequence : sequence.database(unshow(dbs.iterator().next()));
    }

    private static String show(String db) {
        return db == null ? KeelConfig.DEFAULT_DATABASE : db;
    }

    private static String unshow(String db) {
        return KeelConfig.DEFAULT_DATABASE.equals(db) ? null : db;
    }
}
