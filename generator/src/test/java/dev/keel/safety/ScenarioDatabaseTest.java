package dev.keel.safety;

import dev.keel.diff.SchemaComparison;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.support.Db;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each scenario's expected migrations on a real PostgreSQL whose shop holds 20,000 rows per table:
 * applied, the database holds what the state says (pending columns and tables included), no table was
 * rewritten, every row is intact, and the scenario's own {@code checks.sql} holds; unapplied, the database
 * is the base shop again with every row intact.
 */
class ScenarioDatabaseTest {
    static List<Scenario> scenarios() {
        return Scenario.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void safePlanOnAPopulatedTableAndBack(Scenario scenario) throws SQLException, IOException {
        ProjectState base = Scenario.baseState();
        List<MigrationSpec> migrations = scenario.expectedMigrations();
        try (Db db = ShopDatabase.populated(base)) {
            var rows = ShopDatabase.fingerprint(db);
            var files = ShopDatabase.fileNodes(db);
            assertEquals(3, files.size(), "customer, orders, wishlist: " + files);

            ProjectState after = new SimpleApplier(db.connection).apply(migrations, base);
            assertEquals(List.of(), SchemaComparison.differences(scenario.target(), after), "the plan reaches the entities");
            ShopDatabase.assertHolds(db, after);
            assertEquals(files, ShopDatabase.fileNodes(db), "no table was rewritten");
            assertEquals(rows, ShopDatabase.fingerprint(db), "every row is intact");
            ShopDatabase.check(db, checks(scenario));

            new SimpleApplier(db.connection).unapply(migrations, base);
            ShopDatabase.assertHolds(db, base);
            assertEquals(rows, ShopDatabase.fingerprint(db), "every row is intact after the reverse");
        }
    }

    private static List<String> checks(Scenario scenario) throws IOException {
        Path file = scenario.dir().resolve("checks.sql");
        return Files.exists(file) ? ShopDatabase.statements(Files.readString(file)) : List.of();
    }
}
