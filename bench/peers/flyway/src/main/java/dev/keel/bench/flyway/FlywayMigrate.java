package dev.keel.bench.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL migrations of a folder (written by {@link ExportKeelSql}) onto a database with
 * Flyway's Java API, as a Java team would at start-up. Arguments: JDBC_URL USER FOLDER.
 */
public final class FlywayMigrate {
    private FlywayMigrate() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: FlywayMigrate JDBC_URL USER FOLDER");
            System.exit(2);
        }
        MigrateResult result = Flyway.configure()
                .dataSource(args[0], args[1], "")
                .locations("filesystem:" + args[2])
                .load()
                .migrate();
        if (!result.success) {
            System.err.println("flyway: migrate failed");
            System.exit(1);
        }
        System.out.println("flyway: applied " + result.migrationsExecuted + " migrations, schema now at version "
                + result.targetSchemaVersion);
    }
}
