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
}
