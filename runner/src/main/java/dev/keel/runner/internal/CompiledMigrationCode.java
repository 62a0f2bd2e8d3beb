package dev.keel.runner.internal;

import dev.keel.config.KeelFolder;
import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.load.MigrationCompiler;
import dev.keel.migration.MigrationContext;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.JavaCode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code RunJava} methods on the project's migration classes, compiled in-process from their
 * sources into {@code .keel/classes} the first time a method is needed (and only then).
 */
public final class CompiledMigrationCode implements JavaCode {
    /** Where the compiled classes go, under {@code .keel/}. */
    static final String CLASSES = "classes";

    private final KeelConfig config;
    private final Path projectDir;
    private final Map<String, Object> instances = new HashMap<>();
    private ClassLoader loader;

    /** The code of the migrations of {@code config}'s apps in {@code projectDir}, compiled on first use. */
    public CompiledMigrationCode(KeelConfig config, Path projectDir) {
        this.config = config;
        this.projectDir = projectDir;
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
                        + " cannot be loaded after compiling: " + e + "\nTo fix: check that the class is named"
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
        String className = config.requireApp(migration.app()).migrationsPackage() + ".M" + migration.name();
        Object instance = instances.get(className);
        if (instance == null) {
            Class<?> type = Class.forName(className, true, loader());
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
            instances.put(className, instance);
        }
        return instance;
    }

    private ClassLoader loader() {
        if (loader == null) {
            Path output;
            try {
                output = KeelFolder.create(projectDir, CLASSES);
            } catch (java.io.IOException e) {
                throw new KeelException(ErrorKind.UNREADABLE_SOURCE, projectDir.resolve(KeelFolder.NAME) + ": cannot create"
                        + " the folder for compiled migrations: " + e + "\nTo fix: check that the project folder is writable.", e);
            }
            loader = MigrationCompiler.compileProject(config, projectDir, output);
        }
        return loader;
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
