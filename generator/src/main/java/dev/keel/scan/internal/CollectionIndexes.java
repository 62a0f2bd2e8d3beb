package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The index of an indexed collection, as Hibernate 6.6 maps it: a List's {@code @OrderColumn}
 * ({@code <attribute>_ORDER integer} unless named or defined otherwise) or a Map's key ({@link MapKeys}).
 * In a collection or join table the index is NOT NULL and completes the owner's key into the table's
 * primary key; a one-to-many without join table ({@code mappedBy} or {@code @JoinColumn}) puts it on the
 * target's table, where an order column is nullable unless {@code @OrderColumn(nullable = false)}.
 */
public final class CollectionIndexes {
    private final ScanContext ctx;
    private final MapKeys keys;
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Attribute> pendingAttributes = new ArrayList<>();

    public CollectionIndexes(ScanContext ctx, MapKeys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    /**
     * Adds the index columns of collection {@code a} to its collection or join {@code table} and returns
     * their names (empty when the collection has no index of its own).
     */
    public List<Ident> addToTable(Attribute a, TableSpec table, Site site) {
        if (a.type().isMap()) {
            return keys.addToTable(a, table, site);
        }
        Optional<ColumnSpec> order = orderColumn(a, true);
        if (order.isEmpty()) {
            return List.of();
        }
        if (table.hasColumn(order.get().name())) {
            throw new MappingProblem(a.node(), "column " + order.get().name().db() + " of table " + table.name().db()
                    + " is mapped twice (again by the @OrderColumn of " + a.name() + ")", "name the order column with @OrderColumn(name)");
        }
        table.add(order.get());
        return List.of(order.get().name());
    }

    /**
     * Adds the index columns of a one-to-many without join table to the target's {@code table}, once every
     * entity has mapped its own attributes ({@link #finish()}): a column the target maps itself stays as
     * the target maps it.
     */
    public void addToTarget(Attribute a, TableSpec table) {
        pending.add(() -> {
            if (a.type().isMap()) {
                keys.addToTarget(a, table);
            } else {
                orderColumn(a, false).filter(c -> !table.hasColumn(c.name())).ifPresent(table::add);
            }
        });
        pendingAttributes.add(a);
    }

    /** Adds the index columns {@link #addToTarget} deferred; a problem is recorded, not thrown. */
    public void finish() {
        for (int i = 0; i < pending.size(); i++) {
            Attribute a = pendingAttributes.get(i);
            try {
                pending.get(i).run();
            } catch (MappingProblem p) {
                ctx.problems().add(a.owner().file(), p.node(), p.getMessage(), p.fix());
            } catch (Values.Unresolved u) {
                ctx.problems().add(a.owner().file(), u.node(), u.getMessage(),
                        u.fixOr("write the value as a literal or a static final constant of a scanned class"));
            }
        }
        pending.clear();
        pendingAttributes.clear();
    }

    /**
     * Whether the collection's table takes the primary key of a set (the owner's and the element's columns):
     * a Set, or a Map keyed by an attribute of its target ({@code @MapKey}). Hibernate 6.6 ignores {@code @OrderColumn}
     * on a Set ({@link #orderColumn}), but an element collection Set marked with it gets no primary key (its element
     * column stays nullable), as a bag; a many-to-many Set keeps its key (oracle sample realworld9).
     */
    static boolean keyedLikeASet(Attribute a) {
        return a.type().isSet() && !(a.has(JpaNames.ORDER_COLUMN) && a.has(JpaNames.ELEMENT_COLLECTION)) || a.type().isMap() && MapKeys.keyedByTargetAttribute(a);
    }

    /** The {@code @OrderColumn} of a list, if any: NOT NULL in a collection or join table; a Set's is ignored. */
    private Optional<ColumnSpec> orderColumn(Attribute a, boolean inTable) {
        return a.ann(JpaNames.ORDER_COLUMN).filter(o -> !a.type().isSet()).map(o -> {
            String written = o.string("name", "");
            Ident name = ctx.naming().physical(written.isBlank() ? a.name() + "_ORDER" : written);
            String definition = o.string("columnDefinition", "");
            SqlType type = SqlType.fixed("integer", 4);
            if (!definition.isBlank()) {
                type = type.withDdl(definition.strip());
            }
            return ColumnSpec.of(name, type).withNullable(!inTable && o.bool("nullable", true));
        });
    }
}
