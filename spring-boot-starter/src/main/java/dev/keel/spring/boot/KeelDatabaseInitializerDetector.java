package dev.keel.spring.boot;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link KeelMigrationInitializer} beans initialize the database, so that every bean that
 * uses the database as it starts (the JPA {@code EntityManagerFactory}, a {@code JdbcTemplate}) is created after
 * them. Registered in {@code META-INF/spring.factories} as a {@link DatabaseInitializerDetector}.
 */
public class KeelDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(KeelMigrationInitializer.class);
    }
}
