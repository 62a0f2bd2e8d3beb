package dev.keel.scan.internal;

import dev.keel.config.AppConfig;

/**
 * What the scanner knows about an entity class before mapping its attributes.
 *
 * @param type       the class
 * @param app        the app whose package holds it
 * @param entityName the JPA entity name ({@code @Entity(name)} or the simple class name)
 * @param parent     the nearest entity superclass, or null for a root
 * @param strategy   the inheritance strategy of its hierarchy
 * @param hasChildren whether some entity extends it
 * @param binding    its place in the order Hibernate binds the entities (see {@link EntityCatalog#build})
 */
public record EntityInfo(TypeInfo type, AppConfig app, String entityName, EntityInfo parent, Strategy strategy,
                         boolean hasChildren, int binding) {
    /** JPA's inheritance strategies; {@code NONE} for an entity alone in its hierarchy. */
    public enum Strategy { NONE, SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

    /** The root entity of the hierarchy. */
    public EntityInfo root() {
        return parent == null ? this : parent.root();
    }

    /** Whether the class is declared {@code abstract}. */
    public boolean isAbstract() {
        return type.decl().isClassOrInterfaceDeclaration() && type.decl().asClassOrInterfaceDeclaration().isAbstract();
    }

    /** Whether this entity has a table of its own. */
    public boolean ownsTable() {
        return switch (strategy) {
            case NONE, JOINED -> true;
            case SINGLE_TABLE -> parent == null;
            case TABLE_PER_CLASS -> !isAbstract();
        };
    }

    /** Whether {@code other} is this entity or one of its entity superclasses. */
    public boolean isOrExtends(EntityInfo other) {
        for (EntityInfo e = this; e != null; e = e.parent) {
            if (e.type.fqn().equals(other.type.fqn())) {
                return true;
            }
        }
        return false;
    }

    /** The model key: the entity name in lower case. */
    public String model() {
        return entityName.toLowerCase(java.util.Locale.ROOT);
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof EntityInfo other
                && hasChildren == other.hasChildren
                && binding == other.binding
                && java.util.Objects.equals(type, other.type)
                && java.util.Objects.equals(app, other.app)
                && java.util.Objects.equals(entityName, other.entityName)
                && java.util.Objects.equals(parent, other.parent)
                && java.util.Objects.equals(strategy, other.strategy);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(type);
        h = 31 * h + java.util.Objects.hashCode(app);
        h = 31 * h + java.util.Objects.hashCode(entityName);
        h = 31 * h + java.util.Objects.hashCode(parent);
        h = 31 * h + java.util.Objects.hashCode(strategy);
        h = 31 * h + Boolean.hashCode(hasChildren);
        h = 31 * h + Integer.hashCode(binding);
        return h;
    }
}
