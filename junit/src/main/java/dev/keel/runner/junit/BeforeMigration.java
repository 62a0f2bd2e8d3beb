package dev.keel.runner.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link MigrationTest} class that seeds the database before each test, while it is
 * at {@code from}. It may take a {@link HistoricalDatabase} (the database before the migration) and
 * the {@link MigrationRun}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeMigration {
}
