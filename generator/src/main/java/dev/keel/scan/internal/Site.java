package dev.keel.scan.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Where an attribute is being mapped: the table, the attribute path so far (inside embeddables), the
 * column overrides that apply, and the rules that depend on the place.
 *
 * @param table     the table receiving the columns
 * @param entity    the entity being mapped
 * @param path      the attribute path prefix ({@code ""} at the entity, {@code "address."} inside an embeddable)
 * @param overrides {@code @AttributeOverride} columns by attribute path relative to {@code path}
 * @param subclass  whether the attribute belongs to a single-table subclass (Hibernate's {@code FORCED_NULL}:
 *                  only an explicit {@code nullable = false} makes a column NOT NULL)
 * @param id        whether the columns are primary-key columns (never null)
 * @param component whether the attribute belongs to an embeddable (an implicit column of a primitive stays nullable)
 * @param bv        how Bean Validation constraints apply here
 * @param order     the place of the enclosing embedded attributes in the binding order ({@link Precedence})
 */
public record Site(TableSpec table, EntityInfo entity, String path, Map<String, AnnotationView> overrides,
                   boolean subclass, boolean id, boolean component, Bv bv, String order) {
    /** How Bean Validation constraints apply at a site. */
    public enum Bv {
        /** Not at all (beanValidation off, or an embeddable reached without {@code @Valid}). */
        OFF,
        /** Fully. */
        ON,
        /** Sizes and checks, but not NOT NULL (single-table subclasses; embeddables without {@code @NotNull}). */
        NO_NOT_NULL
    }

    public Site {
        overrides = Map.copyOf(overrides);
    }

    /** A site at the top of an entity's attributes (or of a collection table's). */
    public Site(TableSpec table, EntityInfo entity, String path, Map<String, AnnotationView> overrides,
                boolean subclass, boolean id, boolean component, Bv bv) {
        this(table, entity, path, overrides, subclass, id, component, bv, "");
    }

    /** The site at an entity's top level. */
    public static Site of(TableSpec table, EntityInfo entity, boolean subclass, boolean beanValidation) {
        return new Site(table, entity, "", Map.of(), subclass, false, false,
                beanValidation ? (subclass ? Bv.NO_NOT_NULL : Bv.ON) : Bv.OFF);
    }

    /** This site with {@code more} overrides (class-level ones: those already here win). */
    public Site withOverrides(Map<String, AnnotationView> more) {
        var merged = new HashMap<String, AnnotationView>(more);
        merged.putAll(overrides);
        return new Site(table, entity, path, merged, subclass, id, component, bv, order);
    }

    /** This site with its columns going to {@code other} (an entity's secondary table). */
    public Site withTable(TableSpec other) {
        return new Site(other, entity, path, overrides, subclass, id, component, bv, order);
    }

    /** This site for primary-key columns. */
    public Site asId() {
        return new Site(table, entity, path, overrides, subclass, true, component, bv, order);
    }

    /**
     * The site inside an embedded attribute: its own overrides are added under the outer ones (the
     * outer win), and Bean Validation follows {@code @Valid} and {@code @NotNull} as Hibernate does.
     */
    public Site into(String attribute, Map<String, AnnotationView> own, Bv inner) {
        return into(attribute, Precedence.attributeOrder(0, attribute), own, inner);
    }

    /** The site inside an embedded attribute at {@code attributeOrder} of the binding order ({@link Precedence}). */
    public Site into(String attribute, String attributeOrder, Map<String, AnnotationView> own, Bv inner) {
        var merged = new HashMap<String, AnnotationView>();
        own.forEach(merged::put);
        String prefix = attribute + ".";
        overrides.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                merged.put(k.substring(prefix.length()), v);
            }
        });
        return new Site(table, entity, path + prefix, merged, subclass, id, true, inner, order + attributeOrder);
    }

    /**
     * The site of the embeddable elements of a collection table: no single-table {@code FORCED_NULL} there,
     * no Bean Validation, {@code overrides} from the collection attribute.
     */
    public static Site collectionElements(TableSpec table, EntityInfo entity, Map<String, AnnotationView> overrides) {
        return new Site(table, entity, "", overrides, false, false, true, Bv.OFF);
    }
}
