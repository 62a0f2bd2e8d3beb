package dev.keel.runner.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MigrationTest} runs: before each test, a database at {@code from}, the
 * {@link BeforeMigration} methods, the migration to {@code to}; after it, the database dropped.
 */
public final class MigrationTestExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigrationTestExtension.class);
    private static final String RUN = "run";

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        MigrationTest test = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), MigrationTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(context.getRequiredTestClass().getName()
                        + " uses MigrationTestExtension without @MigrationTest(app, from, to)."));
        MigrationRun run = MigrationHarness.project(Path.of(test.project())).app(test.app()).from(test.from())
                .to(test.to()).start();
        context.getStore(NAMESPACE).put(RUN, run);
        Object instance = context.getRequiredTestInstance();
        List<Method> seeds = AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(), BeforeMigration.class,
                HierarchyTraversalMode.TOP_DOWN);
        for (Method seed : seeds) {
            call(seed, instance, run);
        }
        run.migrate();
    }

    private static void call(Method method, Object instance, MigrationRun run) throws Exception {
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            if (type == HistoricalDatabase.class) {
                args[i] = run.before();
            } else if (type == MigrationRun.class) {
                args[i] = run;
            } else {
                throw new ExtensionConfigurationException("@BeforeMigration " + method.getName() + "(): parameter "
                        + parameters[i].getName() + " of type " + type.getSimpleName() + " cannot be given; a seeding"
                        + " method may take a HistoricalDatabase (the database before the migration) and a MigrationRun.");
            }
        }
        method.setAccessible(true);
        try {
            method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        MigrationRun run = context.getStore(NAMESPACE).remove(RUN, MigrationRun.class);
        if (run != null) {
            run.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == HistoricalDatabase.class || type == MigrationRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        MigrationRun run = extension.getStore(NAMESPACE).get(RUN, MigrationRun.class);
        if (run == null) {
            throw new ParameterResolutionException("a HistoricalDatabase or MigrationRun parameter is given to test"
                    + " methods of a @MigrationTest class only (not to constructors or @BeforeAll methods).");
        }
        return parameter.getParameter().getType() == MigrationRun.class ? run : run.after();
    }
}
