package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table each entity owns, with its key: the root's id columns; a JOINED subclass's primary-key join
 * columns with a foreign key to its parent's table; a TABLE_PER_CLASS class's own copy of the id; the
 * discriminator column of SINGLE_TABLE hierarchies (and of JOINED ones that declare
 * {@code @DiscriminatorColumn}); and the class-level {@code @Table}, {@code @Comment} and {@code @Check}.
 */
public final class EntityTables {
    private final ScanContext ctx;
    private final Identifiers ids;

    public EntityTables(ScanContext ctx, Identifiers ids) {
        this.ctx = ctx;
        this.ids = ids;
    }

    /** Creates the entity's own table (if it has one) with its key columns, and registers it. */
    public void create(EntityInfo e, Schema schema) {
        refuseTableOnSingleTableSubclass(e);
        if (!e.ownsTable()) {
            if (e.strategy() == EntityInfo.Strategy.TABLE_PER_CLASS) {
                TableSpec table = scratch(e);
                ids.mapKey(e, table, schema);
                table.virtual = true;
                table.union = true;
                schema.putEntityTable(e, table);
            }
            return;
        }
        var refused = UnmappedAnnotations.refuseEntity(ctx, e.type());
        if (refused.isPresent()) {
            ctx.problems().add(e.type().file(), refused.get().node(), refused.get().getMessage(), refused.get().fix());
            return;
        }
        Ident name;
        String schemaName;
        try {
            name = ids.tableName(e);
            Namespaces.table(name, ctx.annotation(e.type(), JpaNames.TABLE).<com.github.javaparser.ast.Node>map(AnnotationView::node).orElse(e.type().decl()), "Table");
            schemaName = Namespaces.schema(ctx, ctx.annotation(e.type(), JpaNames.TABLE));
        } catch (MappingProblem p) {
            ctx.problems().add(e.type().file(), p.node(), p.getMessage(), p.fix());
            return;
        } catch (Values.Unresolved u) {
            ctx.problems().add(e.type().file(), u.node(), "the schema of " + e.type().simpleName() + "'s table: " + u.getMessage(),
                    u.fixOr("write the value as a literal or a static final constant"));
            return;
        }
        TableSpec table = new TableSpec(e.app().label(), e.model(), e.type().simpleName(), name, schemaName,
                e.type().file(), e.type().line());
        table.namedBy = new TableSpec.NameClaim(ctx.annotation(e.type(), JpaNames.IMMUTABLE).isPresent(),
                !ctx.naming().physical(e.entityName()).db().equals(name.db()), e.binding());
        if (e.strategy() == EntityInfo.Strategy.JOINED && e.parent() != null) {
            joinedKey(e, table, schema);
        } else {
            ids.mapKey(e, table, schema);
        }
        if (table.primaryKey != null) {
            table.keyBy = e.binding();
        }
        table.union = e.strategy() == EntityInfo.Strategy.TABLE_PER_CLASS && e.hasChildren();
        discriminator(e, table);
        secondaryTables(e, table, schema);
        try {
            SoftDeletes.entity(ctx, e, table);
        } catch (MappingProblem p) {
            ctx.problems().add(e.type().file(), p.node(), p.getMessage(), p.fix());
        }
        tableAnnotations(e, table);
        // an entity read from a query (a view written in the mapping): Hibernate creates no table for it
        table.subselect = ctx.annotation(e.type(), JpaNames.SUBSELECT).isPresent();
        table.virtual |= table.subselect;
        schema.putEntityTable(e, table);
    }

    /**
     * {@code @SecondaryTable(s)}: each a table of its own, keyed like the entity's table by {@code pkJoinColumns} (named
     * like the entity's key columns unless they say), with a foreign key to it under Hibernate's hashed name (Hibernate
     * 6.6 reads neither {@code @SecondaryTable(foreignKey)} nor the {@code foreignKey} of its {@code pkJoinColumns}), its {@code uniqueConstraints} and {@code indexes}. The columns whose {@code @Column(table)} names it
     * go there ({@link AttributeMapper}).
     */
    private void secondaryTables(EntityInfo e, TableSpec table, Schema schema) {
        List<AnnotationView> secondaries = new ArrayList<>();
        ctx.annotations(e.type()).stream().filter(a -> a.fqn().equals(JpaNames.SECONDARY_TABLE)).forEach(secondaries::add);
        ctx.annotation(e.type(), JpaNames.SECONDARY_TABLE + "s").ifPresent(c -> secondaries.addAll(c.annotations("value")));
        for (AnnotationView st : secondaries) {
            try {
                Ident name = Namespaces.table(ctx.naming().physical(st.string("name", "")), st.node(), "SecondaryTable");
                TableSpec secondary = new TableSpec(e.app().label(), name.db(), null, name,
                        Namespaces.schema(ctx, Optional.of(st)), e.type().file(), st.node().getBegin().map(p -> p.line).orElse(0));
                List<Ident> names = keyJoinedTo(e, table.primaryKeyColumns(), st.annotations("pkJoinColumns"), secondary);
                secondary.keyBy = e.binding();
                // Hibernate 6.6 reads neither @SecondaryTable(foreignKey) nor the pkJoinColumns' foreignKey: the name is hashed
                secondary.addForeignKey(Relations.foreignKey(Optional.empty(), names, table));
                TableConstraints.apply(ctx, st, secondary);
                table.secondaries.put(name.db(), secondary);
                schema.addOther(secondary);
            } catch (MappingProblem p) {
                ctx.problems().add(e.type().file(), p.node(), p.getMessage(), p.fix());
            }
        }
    }

    /**
     * {@code @Table} on a subclass of a SINGLE_TABLE hierarchy (to put it in another schema, say): Hibernate 6.6 refuses
     * to start ("may not be annotated '@Table'"), so keel says so instead of leaving the annotation out.
     */
    private void refuseTableOnSingleTableSubclass(EntityInfo e) {
        if (e.strategy() == EntityInfo.Strategy.SINGLE_TABLE && e.parent() != null) {
            ctx.annotation(e.type(), JpaNames.TABLE).ifPresent(t -> ctx.problems().add(e.type().file(), t.node(),
                    "@Table on entity " + e.type().simpleName() + ", a subclass in the SINGLE_TABLE hierarchy of "
                            + e.root().type().simpleName() + ": Hibernate 6.6 refuses to start (the root's table holds the"
                            + " whole hierarchy, in the root's schema)",
                    "remove @Table from " + e.type().simpleName() + " (indexes and unique constraints go on "
                            + e.root().type().simpleName() + "'s @Table), or use JOINED inheritance for a table of its own"));
        }
    }

    /**
     * Makes {@code table}'s primary key the columns that join it to {@code key} (a JOINED parent's or the entity's own
     * table's key): named by the primary-key join columns in order, else like the referenced columns.
     */
    private List<Ident> keyJoinedTo(EntityInfo e, List<ColumnSpec> key, List<AnnotationView> pkJoins, TableSpec table) {
        List<Ident> names = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            ColumnSpec ref = key.get(i);
            String written = i < pkJoins.size() ? pkJoins.get(i).string("name", "") : "";
            Ident name = written.isBlank() ? ref.name() : ctx.naming().physical(written);
            table.add(ref.asReference(name).withNullable(false).withField(ref.field()), Precedence.key(e, ""));
            table.claim(name, e, "the primary key");
            names.add(name);
        }
        table.primaryKey = names;
        return names;
    }

    /**
     * The table of an abstract TABLE_PER_CLASS entity, never exported: it registers the root's sequence and holds the key
     * that relations to the entity and the collections it declares refer to.
     */
    private TableSpec scratch(EntityInfo e) {
        return new TableSpec(e.app().label(), e.model(), e.type().simpleName(), ids.tableName(e), null, e.type().file(), 0);
    }

    private void joinedKey(EntityInfo e, TableSpec table, Schema schema) {
        TableSpec parent = schema.tableOf(e.parent()).orElseThrow();
        List<AnnotationView> pkJoins = new ArrayList<>();
        ctx.annotations(e.type()).stream().filter(a -> a.fqn().equals(JpaNames.PRIMARY_KEY_JOIN_COLUMN)).forEach(pkJoins::add);
        ctx.annotation(e.type(), JpaNames.PRIMARY_KEY_JOIN_COLUMN + "s").ifPresent(c -> pkJoins.addAll(c.annotations("value")));
        List<Ident> names = keyJoinedTo(e, parent.primaryKeyColumns(), pkJoins, table);
        Optional<AnnotationView> fk = pkJoins.stream().findFirst().flatMap(j -> j.annotation("foreignKey"));
        table.addForeignKey(Relations.foreignKey(fk, names, parent)
                .onDelete(Relations.onDelete(ctx.annotation(e.type(), JpaNames.ON_DELETE))));
    }

    private void discriminator(EntityInfo e, TableSpec table) {
        if (e.parent() != null || ctx.annotation(e.type(), JpaNames.HIB + "DiscriminatorFormula").isPresent()) {
            // a formula computes the discriminator from other columns: Hibernate adds no column for it
            return;
        }
        Optional<AnnotationView> dc = ctx.annotation(e.type(), JpaNames.DISCRIMINATOR_COLUMN);
        boolean wanted = e.strategy() == EntityInfo.Strategy.SINGLE_TABLE && (e.hasChildren() || dc.isPresent())
                || e.strategy() == EntityInfo.Strategy.JOINED && dc.isPresent();
        if (!wanted) {
            return;
        }
        String written = dc.map(d -> d.string("name", "")).orElse("");
        Ident name = ctx.naming().physical(written.isBlank() ? "DTYPE" : written);
        String kind = dc.map(d -> d.enumName("discriminatorType", "STRING")).orElse("STRING");
        SqlType type = switch (kind) {
            case "INTEGER" -> SqlType.fixed("integer", 4);
            case "CHAR" -> SqlType.chars(1);
            default -> SqlType.varchar(dc.map(d -> d.integer("length", 31)).orElse(31L));
        };
        String definition = dc.map(d -> d.string("columnDefinition", "")).orElse("");
        if (!definition.isBlank()) {
            type = type.withDdl(definition.strip());
        }
        table.add(ColumnSpec.of(name, type).withNullable(false), Precedence.discriminator(e));
        table.discriminator = name;
        table.discriminatorKind = kind;
        boolean inserted = ctx.annotation(e.type(), JpaNames.DISCRIMINATOR_OPTIONS).map(o -> o.bool("insert", true)).orElse(true);
        if (inserted) {
            table.claim(name, e, "the discriminator column");
        }
    }

    private void tableAnnotations(EntityInfo e, TableSpec table) {
        try {
            ctx.annotation(e.type(), JpaNames.COMMENT).ifPresent(c -> table.comment = c.string("value", null));
            ctx.annotations(e.type()).stream().filter(a -> a.fqn().equals(JpaNames.CHECK)).forEach(c -> {
                String name = c.string("name", "");
                table.checks.add(new TableSpec.CheckSpec(name.isBlank() ? null : name, c.string("constraints", "")));
            });
            ctx.annotation(e.type(), JpaNames.TABLE).ifPresent(t -> TableConstraints.apply(ctx, t, table));
        } catch (Values.Unresolved u) {
            ctx.problems().add(e.type().file(), u.node(), u.getMessage(), u.fixOr("write the value as a literal or a static final constant"));
        }
    }
}
