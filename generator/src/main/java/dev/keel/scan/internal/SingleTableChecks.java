package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The checks Hibernate 7 adds to an inheritance hierarchy's table, once every entity is mapped:
 * <ul>
 *   <li>{@link HibernateRule#DISCRIMINATOR_CHECK}: on the discriminator column (single-table, or joined with
 *       {@code @DiscriminatorColumn}), {@code dtype in ('Animal','Dog')}: the values of the concrete classes, the root's
 *       first, then its subclasses as Hibernate lists them (each direct subclass's own subclasses, then the direct
 *       subclasses, in binding order). None when a class's value is {@code "not null"} (a catch-all) or
 *       {@code @DiscriminatorOptions(force = true)}.</li>
 *   <li>{@link HibernateRule#SUBCLASS_NOT_NULL_CHECK}: per concrete single-table subclass, a table check
 *       {@code dtype <> 'Dog' or (good_boy is not null and ...)} over the columns of its superclass's and its own
 *       non-optional attributes (by attribute name) that were nullable before Bean Validation; none when there is no
 *       such column.</li>
 * </ul>
 * A value is {@code @DiscriminatorValue}'s, else the entity name for a STRING discriminator and the entity name's Java
 * hash code for an INTEGER one (Hibernate 7 refuses a CHAR discriminator without values).
 */
final class SingleTableChecks {
    private SingleTableChecks() {}

    /**
     * Whether Hibernate 7 takes basic attribute {@code a} as optional (PropertyBinder.isOptional): with {@code @Basic},
     * when it says optional and is not a primitive; else when it is an array or not a primitive.
     */
    static boolean optional(Attribute a) {
        Optional<AnnotationView> basic = a.ann(JpaNames.BASIC);
        if (basic.isPresent()) {
            return basic.get().bool("optional", true) && !a.type().isPrimitive();
        }
        return !a.type().isPrimitive();
    }

    /** Adds the hierarchies' checks to their root tables. */
    static void apply(ScanContext ctx, EntityCatalog catalog, Schema schema) {
        for (EntityInfo root : catalog.all()) {
            if (root.parent() != null || root.strategy() == EntityInfo.Strategy.NONE
                    || root.strategy() == EntityInfo.Strategy.TABLE_PER_CLASS) {
                continue;
            }
            TableSpec table = schema.tableOf(root).orElse(null);
            if (table == null || table.discriminator == null) {
                continue;
            }
            hierarchy(ctx, catalog, root, table);
        }
    }

    private static void hierarchy(ScanContext ctx, EntityCatalog catalog, EntityInfo root, TableSpec table) {
        List<EntityInfo> subclasses = subclasses(catalog, root);
        var values = new ArrayList<String>();
        boolean catchAll = false;
        boolean refused = false;
        for (EntityInfo e : concat(root, subclasses)) {
            try {
                value(ctx, e, table.discriminatorKind);
            } catch (MappingProblem p) {
                ctx.problems().add(e.type().file(), p.node(), p.getMessage(), p.fix());
                refused = true;
            }
        }
        if (refused) {
            return;
        }
        for (EntityInfo e : concat(root, subclasses)) {
            String v = value(ctx, e, table.discriminatorKind);
            catchAll |= v.equals("not null");
            if (!e.isAbstract() && !v.equals("null") && !v.equals("not null")) {
                values.add(v);
            }
        }
        boolean forced = ctx.annotation(root.type(), JpaNames.DISCRIMINATOR_OPTIONS).map(o -> o.bool("force", false)).orElse(false);
        if (ctx.has(HibernateRule.DISCRIMINATOR_CHECK) && !catchAll && !forced && !values.isEmpty()) {
            String in = String.join(",", values.stream().map(v -> literal(v, table.discriminatorKind)).toList());
            Ident column = table.discriminator;
            table.column(column).ifPresent(c -> table.replace(c.withCheck(column.sql() + " in (" + in + ")")));
        }
        if (!ctx.has(HibernateRule.SUBCLASS_NOT_NULL_CHECK) || root.strategy() != EntityInfo.Strategy.SINGLE_TABLE) {
            return;
        }
        List<EntityInfo> byBinding = new ArrayList<>(subclasses);
        byBinding.sort(Comparator.comparingInt(EntityInfo::binding));
        for (EntityInfo e : byBinding) {
            String v = value(ctx, e, table.discriminatorKind);
            if (e.isAbstract() || v.equals("not null")) {
                continue;
            }
            var columns = new ArrayList<TableSpec.Required>();
            columns.addAll(sorted(table.required.getOrDefault(e.parent().type().fqn(), List.of())));
            columns.addAll(sorted(table.required.getOrDefault(e.type().fqn(), List.of())));
            if (columns.isEmpty()) {
                continue;
            }
            String test = table.discriminator.sql() + (v.equals("null") ? " is null" : " <> " + literal(v, table.discriminatorKind));
            String required = String.join(" and ", columns.stream().map(r -> r.column().sql() + " is not null").toList());
            table.checks.add(new TableSpec.CheckSpec(null, test + " or (" + required + ")"));
        }
    }

    /** The entity's required columns by attribute name (stable: a relation's columns stay in their order). */
    private static List<TableSpec.Required> sorted(List<TableSpec.Required> required) {
        var list = new ArrayList<>(required);
        list.sort(Comparator.comparing(TableSpec.Required::attribute));
        return list;
    }

    private static List<EntityInfo> concat(EntityInfo root, List<EntityInfo> subclasses) {
        var all = new ArrayList<EntityInfo>();
        all.add(root);
        all.addAll(subclasses);
        return all;
    }

    /** PersistentClass.getSubclasses(): each direct subclass's subclasses, then the direct subclasses, in binding order. */
    static List<EntityInfo> subclasses(EntityCatalog catalog, EntityInfo parent) {
        List<EntityInfo> direct = catalog.all().stream().filter(e -> e.parent() != null
                && e.parent().type().fqn().equals(parent.type().fqn())).sorted(Comparator.comparingInt(EntityInfo::binding)).toList();
        var result = new ArrayList<EntityInfo>();
        for (EntityInfo d : direct) {
            result.addAll(subclasses(catalog, d));
        }
        result.addAll(direct);
        return result;
    }

    /** The entity's discriminator value as Hibernate holds it. */
    private static String value(ScanContext ctx, EntityInfo e, String kind) {
        Optional<AnnotationView> written = ctx.annotation(e.type(), JpaNames.DISCRIMINATOR_VALUE);
        if (written.isPresent()) {
            return written.get().string("value", "");
        }
        return switch (kind) {
            case "INTEGER" -> String.valueOf(e.entityName().hashCode());
            case "CHAR" -> throw new MappingProblem(e.type().decl(), "entity " + e.type().simpleName() + " has no"
                    + " @DiscriminatorValue and its hierarchy's discriminator is a CHAR: Hibernate 7 refuses to start (\"must"
                    + " explicitly specify its '@DiscriminatorValue'\")", "write @DiscriminatorValue(\"X\") on "
                    + e.type().simpleName() + ", one character of its own");
            default -> e.entityName();
        };
    }

    /** A value as SQL: a string in quotes (doubled within), an integer as it is. */
    private static String literal(String value, String kind) {
        return kind.equals("INTEGER") ? value : "'" + value.replace("'", "''") + "'";
    }
}
