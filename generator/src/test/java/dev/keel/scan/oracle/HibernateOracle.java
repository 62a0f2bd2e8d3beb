package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;
import dev.keel.config.Naming;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.PostgreSQLDialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hibernate ORM 6.6 as the application would start it: a SessionFactory over the sample's compiled
 * entities, with the naming strategies and Bean Validation setting of the sample's keel.json, on
 * PostgreSQLDialect. It exports the schema either to a DDL script (no database needed) or into a
 * real database ({@code hbm2ddl.auto=create}).
 *
 * <p>Starting a SessionFactory matters: only then does Hibernate reorder the columns of every table
 * (ColumnOrderingStrategyStandard), after Bean Validation has adjusted their sizes.
 */
public final class HibernateOracle {
    private HibernateOracle() {}

    /** The DDL statements Hibernate writes for the project, in its order, without trailing semicolons. */
    public static List<String> exportScript(Path projectDir, KeelConfig config, Path workDir) {
        return exportScript(SampleCompiler.compile(projectDir, config, workDir.resolve("classes")), config, workDir);
    }

    /**
     * The DDL statements Hibernate writes for classes already compiled (a real project's jar with its
     * dependencies, for the real-code harness): the {@code @Entity} and {@code @Converter} classes among
     * {@code compiled.classNames()} are the mapping.
     */
    public static List<String> exportScript(SampleCompiler.Compiled compiled, KeelConfig config, Path workDir) {
        return exportScript(compiled, config, workDir, Map.of());
    }

    /** The same, with further settings (a real project's, such as a bean container for its entity listeners). */
    public static List<String> exportScript(SampleCompiler.Compiled compiled, KeelConfig config, Path workDir,
                                            Map<String, Object> extraSettings) {
        Path script = workDir.resolve("create.sql");
        Map<String, Object> settings = baseSettings(config);
        settings.putAll(extraSettings);
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("jakarta.persistence.database-product-name", "PostgreSQL");
        settings.put("jakarta.persistence.database-major-version", "15");
        settings.put("jakarta.persistence.database-minor-version", "0");
        settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
        settings.put("jakarta.persistence.schema-generation.scripts.create-target", script.toString());
        settings.put("hibernate.hbm2ddl.delimiter", ";");
        try (SessionFactory ignored = build(compiled, settings)) {
            return statements(Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lets Hibernate create the project's schema in a real PostgreSQL database
     * ({@code hibernate.hbm2ddl.auto=create}), as an application starting with that setting would.
     */
    public static void createSchema(Path projectDir, KeelConfig config, Path workDir, String jdbcUrl, String user,
                                    String password) {
        SampleCompiler.Compiled compiled = SampleCompiler.compile(projectDir, config, workDir.resolve("classes"));
        Map<String, Object> settings = baseSettings(config);
        settings.put("hibernate.connection.url", jdbcUrl);
        settings.put("hibernate.connection.username", user);
        settings.put("hibernate.connection.password", password == null ? "" : password);
        settings.put("hibernate.hbm2ddl.auto", "create");
        try (SessionFactory ignored = build(compiled, settings)) {
            // creating the SessionFactory created the schema
        }
    }

    private static Map<String, Object> baseSettings(KeelConfig config) {
        var settings = new HashMap<String, Object>();
        settings.put("hibernate.dialect", PostgreSQLDialect.class.getName());
        boolean snake = config.naming() == Naming.SNAKE_CASE;
        settings.put("hibernate.physical_naming_strategy", snake
                ? CamelCaseToUnderscoresNamingStrategy.class.getName() : PhysicalNamingStrategyStandardImpl.class.getName());
        settings.put("hibernate.implicit_naming_strategy", snake
                ? SpringImplicitNamingStrategy.class.getName() : ImplicitNamingStrategyJpaCompliantImpl.class.getName());
        settings.put("jakarta.persistence.validation.mode", config.beanValidation() ? "ddl" : "none");
        settings.put("hibernate.show_sql", "false");
        settings.put("hibernate.format_sql", "false");
        // the schemas the mapping names ({@code @Table(schema)}, {@code @SequenceGenerator(schema)}...) are created
        // first, as an application that lets Hibernate create its schema must ask
        settings.put("hibernate.hbm2ddl.create_namespaces", "true");
        return settings;
    }

    /** The key of {@code extraSettings} whose value maps service types to services to register (a real project's). */
    public static final String SERVICES = "keel.oracle.services";

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addService(StandardServiceRegistryBuilder builder, Class<?> type, Object service) {
        builder.addService((Class) type, (org.hibernate.service.Service) service);
    }

    private static SessionFactory build(SampleCompiler.Compiled compiled, Map<String, Object> settings) {
        var bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(compiled.loader()).build();
        var builder = new StandardServiceRegistryBuilder(bootstrap);
        settings.forEach((key, value) -> {
            if (SERVICES.equals(key)) {
                ((Map<?, ?>) value).forEach((type, service) -> addService(builder, (Class<?>) type, service));
            } else {
                builder.applySetting(key, value);
            }
        });
        StandardServiceRegistry registry = builder.build();
        var sources = new MetadataSources(registry);
        for (String name : compiled.classNames()) {
            if (name.endsWith(".package-info")) {
                // a package's annotations (its generators): registered as Spring's and Hibernate's own scanning of the
                // entities' packages register a package that has a package-info class
                sources.addPackage(name.substring(0, name.length() - ".package-info".length()));
                continue;
            }
            Class<?> type = load(compiled.loader(), name);
            if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Converter.class)) {
                sources.addAnnotatedClass(type);
            }
        }
        return sources.buildMetadata().buildSessionFactory();
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits a script into statements on the {@code ;} that ends each line. */
    static List<String> statements(String script) {
        var result = new ArrayList<String>();
        Arrays.stream(script.split(";\\s*\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).forEach(result::add);
        return result;
    }
}
