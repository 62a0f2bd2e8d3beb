package dev.keel.runner.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JUnit 5 test class of one migration step, as Sentry's {@code TestMigrations}: before each test
 * the database is at {@code from} and the class's {@link BeforeMigration} methods seed it; then it
 * is migrated to {@code to}, and the test checks the result.
 *
 * <pre>{@code
 * @MigrationTest(app = "newsroom", from = "0002", to = "0003")
 * class BackfillWordCountTest {
 *     @BeforeMigration
 *     void seed(HistoricalDatabase before) throws SQLException {
 *         before.insert("article", Map.of("id", 1L, "title", "Hello", "body", "three short words"));
 *     }
 *
 *     @Test
 *     void countsTheWords(HistoricalDatabase after) throws SQLException {
 *         assertEquals(3, after.rows("article").get(0).get("wordCount"));
 *     }
 * }
 * }</pre>
 *
 * Test methods and {@code @BeforeMigration} methods may take a {@link HistoricalDatabase} (in a test
 * method: after the migration; in a {@code @BeforeMigration} method: before it) and the
 * {@link MigrationRun}. See {@link MigrationHarness} for the server and the template databases.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MigrationTestExtension.class)
public @interface MigrationTest {
    /** The app whose migrations {@link #from} and {@link #to} name. */
    String app();

    /** The migration the database starts at: a name, a unique prefix ({@code 0002}), or {@code zero}. */
    String from();

    /** The migration the test migrates to, forwards or backwards. */
    String to();

    /**
     * The keel project (the folder of {@code keel.json}), relative to the working directory of the
     * tests (the module's folder under Maven and Gradle): {@code "."} by default.
     */
    String project() default ".";
}
