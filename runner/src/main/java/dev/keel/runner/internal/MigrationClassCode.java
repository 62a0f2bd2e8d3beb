package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationContext;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.JavaCode;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs {@code RunJava} methods on the migrations' classes, and gives their class files to hash their
 * code: the class of migration {@code app.0005_fill} is {@code M0005_fill} in the app's migrations
 * package, loaded from {@link #loader()}. Subclasses say where the classes come from: compiled from the
 * sources ({@link CompiledMigrationCode}), or a class path ({@link LoadedMigrationCode}).
 */
public abstract class MigrationClassCode implements JavaCode {
    private final Map<String, Object> instances = new ConcurrentHashMap<>();

    /** The class loader the migrations' classes come from. */
    protected abstract ClassLoader loader();

    /** The migrations package of {@code app}. */
    protected abstract String migrationsPackage(String app);

    /**
     * The bytes of the class file {@code internalName} ({@code com/acme/blog/migrations/M0005_fill}) among
     * the migrations' classes, or empty.
     */
    public abstract Optional<byte[]> classFile(String internalName);

    /**
     * The code of the {@code RunJava} methods {@code methods} of {@code migration} as its checksum sees it
     * ({@link dev.keel.runner.internal.code.CodeText}).
     *
     * @throws IllegalArgumentException when a class file cannot be read
     */
    public String codeText(MigrationSpec migration, java.util.List<String> methods) {
        return dev.keel.runner.internal.code.CodeText.of(className(migration), methods, this::classFile);
    }

    /** The internal name of the class of {@code migration}. */
    public String className(MigrationSpec migration) {
        return (migrationsPackage(migration.app()) + ".M" + migration.name()).replace('.', '/');
    }

    /** The class file {@code internalName} read through {@code loader}, or empty. */
    protected static Optional<byte[]> resource(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, "class " + internalName.replace('/', '.')
                    + ": cannot read its class file: " + e + "\nTo fix: check the class path.", e);
        }
    }

    @Override
    public void run(MigrationSpec migration, String method, MigrationContext context) throws Exception {
        Object instance = instance(migration);
        Method m = find(instance.getClass(), method);
        if (m == null) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, noMethod(migration, method));
        }
        m.setAccessible(true);
        try {
            m.invoke(Modifier.isStatic(m.getModifiers()) ? null : instance, context);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    @Override
    public void prepare(Collection<MethodCall> calls) {
        var problems = new ArrayList<String>();
        for (MethodCall call : calls) {
            try {
                if (find(instance(call.migration()).getClass(), call.method()) == null) {
                    problems.add(noMethod(call.migration(), call.method()));
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                problems.add(call.migration().origin() + ": the class of migration " + call.migration().key()
                        + " cannot be loaded: " + e + "\nTo fix: check that the class is named"
                        + " M" + call.migration().name() + " and has a constructor without parameters.");
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, problems);
        }
    }

    private static String noMethod(MigrationSpec migration, String method) {
        return migration.origin() + ": migration " + migration.key() + " names the method " + method
                + "() in runJava, but its class has no method " + method + "(MigrationContext).\nTo fix: add  void "
                + method + "(MigrationContext context) throws Exception { ... }  to the class, or correct the name.";
    }

    private Object instance(MigrationSpec migration) throws ReflectiveOperationException {
        String className = migrationsPackage(migration.app()) + ".M" + migration.name();
        Object instance = instances.get(className);
        if (instance == null) {
            Class<?> type = Class.forName(className, true, loader());
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
            Object before = instances.putIfAbsent(className, instance);
            instance = before == null ? instance : before;
        }
        return instance;
    }

    /** The method {@code name} taking one {@link MigrationContext}, in the class or a superclass. */
    static Method find(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 1
                        && m.getParameterTypes()[0].isAssignableFrom(MigrationContext.class)) {
                    return m;
                }
            }
        }
        return null;
    }
}
