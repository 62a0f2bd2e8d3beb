package dev.keel.load;

import dev.keel.migration.Migration;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A migration whose {@code define()} replays what a source file's {@code define()} says, so that a
 * migration read from source and the same migration compiled share one implementation of
 * {@link Migration#spec}. The calls that a migration makes on itself ({@code dependsOn},
 * {@code operations}...) are found by reflection: every protected method of {@link Migration}.
 */
final class ReplayMigration extends Migration {
    private static final List<Method> DECLARATIONS = Arrays.stream(Migration.class.getDeclaredMethods())
            .filter(m -> Modifier.isProtected(m.getModifiers()) && !Modifier.isAbstract(m.getModifiers())
                    && !Modifier.isStatic(m.getModifiers()))
            .map(ReplayMigration::accessible)
            .toList();

    private final Consumer<ReplayMigration> body;

    ReplayMigration(Consumer<ReplayMigration> body) {
        this.body = body;
    }

    @Override
    protected void define() {
        body.accept(this);
    }

    private static Method accessible(Method m) {
        m.setAccessible(true);
        return m;
    }

    /** {@link #DECLARATIONS} by name (every call in every define() asks). */
    private static final java.util.Map<String, List<Method>> BY_NAME = new java.util.concurrent.ConcurrentHashMap<>();

    /** The methods of {@link Migration} called {@code name} that {@code define()} may call. */
    static List<Method> declarations(String name) {
        return BY_NAME.computeIfAbsent(name, n -> DECLARATIONS.stream().filter(m -> m.getName().equals(n)).toList());
    }

    /** The names of those methods, sorted, for messages. */
    static List<String> declarationNames() {
        return DECLARATIONS.stream().map(Method::getName).distinct().sorted().toList();
    }
}
