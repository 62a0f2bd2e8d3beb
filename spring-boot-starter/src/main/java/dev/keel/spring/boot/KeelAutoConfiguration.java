package dev.keel.spring.boot;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.Migration;
import dev.keel.runner.Keel;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Migrates the application's database with keel as the application starts, before JPA: auto-configured when
 * keel's {@link Migration} class is on the class path and the application has one {@link DataSource}, unless
 * {@code keel.enabled=false}. Defines a {@link Keel} (the migrations, loaded from the application's class loader)
 * and a {@link KeelMigrationInitializer} that runs them; either can be replaced by a bean of one's own.
 */
// by name: Spring Boot 4 moved these classes to other packages (ordered by both names; Boot 4 is untested)
@AutoConfiguration(
        afterName = {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"},
        beforeName = {"org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass({Migration.class, Keel.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "keel", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(KeelProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class KeelAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Keel keel(ObjectProvider<DataSource> dataSource, KeelProperties properties, BeanFactory beanFactory,
                     ResourceLoader resourceLoader) {
        ClassLoader loader = resourceLoader.getClassLoader() != null ? resourceLoader.getClassLoader()
                : KeelAutoConfiguration.class.getClassLoader();
        Keel.Configuration configuration = Keel.configure()
                .dataSource(dataSource.getIfUnique())
                .classLoader(loader)
                .lockTimeout(properties.getLockTimeout())
                .statementTimeout(properties.getStatementTimeout())
                .largeTableRows(properties.getLargeTableRows())
                .largeTables(properties.getLargeTables())
                .listener(new LoggingMigrateListener());
        properties.getApps().forEach(configuration::app);
        List<String> packages = new ArrayList<>(properties.getMigrationsPackages());
        if (properties.getApps().isEmpty() && packages.isEmpty()) {
            packages.addAll(discovered(beanFactory, resourceLoader));
        }
        if (!packages.isEmpty()) {
            configuration.migrationsFrom(loader, packages.toArray(String[]::new));
        }
        return configuration.load();
    }

    @Bean
    @ConditionalOnMissingBean
    public KeelMigrationInitializer keelMigrationInitializer(Keel keel, KeelProperties properties) {
        return new KeelMigrationInitializer(keel, properties.isPostDeploy());
    }

    /** The packages under the application's auto-configuration packages that hold keel migration classes. */
    private static List<String> discovered(BeanFactory beanFactory, ResourceLoader resourceLoader) {
        List<String> base = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
        Map<String, List<String>> found = MigrationPackages.find(base, resourceLoader);
        if (found.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, "keel found no migration classes (M0001_initial...) under "
                    + (base.isEmpty() ? "the application's packages" : String.join(", ", base))
                    + ".\nTo fix: write the first migration with keel makemigrations, or name the migrations packages with"
                    + " keel.migrations-packages=com.acme.blog.migrations (or keel.apps.LABEL=PACKAGE), or turn keel off"
                    + " with keel.enabled=false.");
        }
        return List.copyOf(found.keySet());
    }
}
