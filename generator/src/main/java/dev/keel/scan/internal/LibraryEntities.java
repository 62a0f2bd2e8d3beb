package dev.keel.scan.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An {@code @Entity} that lives on the class path ({@code "libraries"}), not in the source roots: another module's
 * entity that a relation targets or an entity extends. keel maps the entities of its source roots only (their tables,
 * keys and inheritance are read from sources, and a library entity's table belongs to the schema of whatever
 * persistence unit lists it), so each use is one problem naming the jar and what to add, rather than "not an entity of
 * any app" or a follow-on such as a missing id.
 */
final class LibraryEntities {
    private LibraryEntities() {}

    /** The jar or class folder that holds {@code fqn} when it is an {@code @Entity} of the class path and not of the sources. */
    static Optional<Path> container(ScanContext ctx, String fqn) {
        if (ctx.index().type(fqn).isPresent()
                || ctx.classPath().type(fqn).filter(t -> t.annotated(JpaNames.ENTITY)).isEmpty()) {
            return Optional.empty();
        }
        return ctx.classPath().classFile(fqn).map(ClassPath.ClassFile::container);
    }

    /** What the class is, said after its name. */
    static String described(Path container) {
        return "an @Entity of the class path (" + container + "), not of the source roots: keel maps the entities of the"
                + " source roots only, and reads no table, key or inheritance from class files";
    }

    /** What to do: the module's sources as a source root (and an app for its package, unless one covers it). */
    static String fix(String fqn) {
        String pkg = fqn.contains(".") ? fqn.substring(0, fqn.lastIndexOf('.')) : "";
        return "add the source root of " + fqn + "'s module to keel.json \"sourceRoots\" (its entities are then part of"
                + " the schema, as they are of the persistence unit), with an app for package " + pkg
                + " unless an app's package covers it";
    }
}
